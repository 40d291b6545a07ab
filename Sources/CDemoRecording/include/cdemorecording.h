/* The demo recording linked into the binary (Sources/Demo/Resources/demo-recording.jsonl.gz), so opsdeck --demo needs
   no resource bundle beside the executable and no Foundation Bundle to find one. */
#ifndef OPSDECK_CDEMORECORDING_H
#define OPSDECK_CDEMORECORDING_H

#include <stddef.h>

/* The recording's first byte. */
const unsigned char *opsdeck_demo_recording_bytes(void);
/* Its length in bytes. */
size_t opsdeck_demo_recording_size(void);

#endif
