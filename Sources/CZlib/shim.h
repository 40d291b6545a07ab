/* zlib for Swift: deflateInit2 and inflateInit2 are macros, so they get inline wrappers. */
#ifndef OPSDECK_CZLIB_SHIM_H
#define OPSDECK_CZLIB_SHIM_H

#include <zlib.h>

/* A gzip (not zlib) deflate stream at `level`; the header carries no name and mtime 0, so output is reproducible. */
static inline int opsdeck_deflate_init_gzip(z_stream *s, int level) { return deflateInit2(s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY); }
/* An inflate stream that reads gzip. */
static inline int opsdeck_inflate_init_gzip(z_stream *s) { return inflateInit2(s, 15 + 16); }

#endif
