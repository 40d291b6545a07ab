/* The table behind ccurl.h: libcurl's functions resolved with dlsym once, on the first transport. */
#include "ccurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
} api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

#define RESOLVE(field, name) \
    if (!(*(void **)&api.field = dlsym(library, name))) { \
        snprintf(failure, sizeof failure, "libcurl.so.4 has no %s", name); \
        return; \
    }

/* GnuTLS is loaded with libcurl only as librtmp's dependency in Debian's build (opsdeck never speaks RTMP), or as the
   TLS library of libcurl's GnuTLS build, which initialises it itself; its initialisation when loaded is skipped (about
   0.8 MB resident), and the variable that says so is gone again before any helper process could inherit it. */
static void *open_libcurl(void) {
    int asked = getenv("GNUTLS_NO_IMPLICIT_INIT") == NULL;
    if (asked) setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 0);
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (asked) unsetenv("GNUTLS_NO_IMPLICIT_INIT");
    return library;
}

static void load(void) {
    void *library = open_libcurl();
    if (!library) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "%s", why ? why : "libcurl.so.4 cannot be loaded");
        return;
    }
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    RESOLVE(multi_init, "curl_multi_init")
    RESOLVE(multi_add_handle, "curl_multi_add_handle")
    RESOLVE(multi_remove_handle, "curl_multi_remove_handle")
    RESOLVE(multi_cleanup, "curl_multi_cleanup")
    RESOLVE(multi_perform, "curl_multi_perform")
    RESOLVE(multi_poll, "curl_multi_poll")
    RESOLVE(multi_wakeup, "curl_multi_wakeup")
    RESOLVE(multi_info_read, "curl_multi_info_read")
    RESOLVE(multi_setopt, "curl_multi_setopt")
}

const char *opsdeck_curl_load(void) {
    pthread_once(&once, load);
    return failure[0] ? failure : NULL;
}

CURLcode opsdeck_curl_global_init(long flags) { return api.global_init(flags); }
CURL *opsdeck_curl_easy_init(void) { return api.easy_init(); }
void opsdeck_curl_easy_cleanup(CURL *h) { api.easy_cleanup(h); }
const char *opsdeck_curl_easy_strerror(CURLcode code) { return api.easy_strerror(code); }
struct curl_slist *opsdeck_curl_slist_append(struct curl_slist *list, const char *text) { return api.slist_append(list, text); }
void opsdeck_curl_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }
CURLM *opsdeck_curl_multi_init(void) { return api.multi_init(); }
CURLMcode opsdeck_curl_multi_add_handle(CURLM *m, CURL *h) { return api.multi_add_handle(m, h); }
CURLMcode opsdeck_curl_multi_remove_handle(CURLM *m, CURL *h) { return api.multi_remove_handle(m, h); }
CURLMcode opsdeck_curl_multi_cleanup(CURLM *m) { return api.multi_cleanup(m); }
CURLMcode opsdeck_curl_multi_perform(CURLM *m, int *running) { return api.multi_perform(m, running); }
CURLMcode opsdeck_curl_multi_poll(CURLM *m, struct curl_waitfd *fds, unsigned int count, int timeout_ms, int *ready) { return api.multi_poll(m, fds, count, timeout_ms, ready); }
CURLMcode opsdeck_curl_multi_wakeup(CURLM *m) { return api.multi_wakeup(m); }
CURLMsg *opsdeck_curl_multi_info_read(CURLM *m, int *remaining) { return api.multi_info_read(m, remaining); }

CURLcode opsdeck_curl_setopt_long(CURL *h, CURLoption o, long v) { return api.easy_setopt(h, o, v); }
CURLcode opsdeck_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return api.easy_setopt(h, o, v); }
CURLcode opsdeck_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return api.easy_setopt(h, o, v); }
CURLcode opsdeck_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return api.easy_setopt(h, o, v); }
CURLcode opsdeck_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return api.easy_setopt(h, o, v); }
CURLcode opsdeck_curl_setopt_data_fn(CURL *h, CURLoption o, opsdeck_curl_data_fn v) { return api.easy_setopt(h, o, v); }
CURLcode opsdeck_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return api.easy_getinfo(h, i, v); }
CURLMcode opsdeck_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return api.multi_setopt(m, o, v); }
