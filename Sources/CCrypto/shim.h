// SHA-256, SHA-1 and HMAC-SHA256 from the system's libcrypto (OpenSSL 3, the library libcurl already links), as
// one-shot calls with plain pointers so Swift needs none of OpenSSL's macros.
#include <stddef.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

static inline int opsdeck_digest(const char *name, const void *data, size_t length, unsigned char *out) {
    const EVP_MD *md = name[0] == 's' && name[3] == '1' ? EVP_sha1() : EVP_sha256();
    unsigned int written = 0;
    return EVP_Digest(data, length, out, &written, md, NULL) == 1 ? (int)written : -1;
}

static inline int opsdeck_hmac_sha256(const void *key, int keyLength, const void *data, size_t length, unsigned char *out) {
    unsigned int written = 0;
    return HMAC(EVP_sha256(), key, keyLength, data, length, out, &written) != NULL ? (int)written : -1;
}
