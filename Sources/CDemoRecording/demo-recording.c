/* The assembler includes the file found on the include path (../Demo/Resources). incbin is not tracked as a build
   input: after regenerating the recording, touch this file so the next build embeds the new one. */
#include "cdemorecording.h"

__asm__(".section .rodata\n"
        ".balign 16\n"
        "opsdeck_demo_recording_start:\n"
        ".incbin \"demo-recording.jsonl.gz\"\n"
        "opsdeck_demo_recording_end:\n"
        ".previous\n");

extern const unsigned char opsdeck_demo_recording_start[], opsdeck_demo_recording_end[];

const unsigned char *opsdeck_demo_recording_bytes(void) { return opsdeck_demo_recording_start; }
size_t opsdeck_demo_recording_size(void) { return (size_t)(opsdeck_demo_recording_end - opsdeck_demo_recording_start); }
