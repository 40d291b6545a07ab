/* libcurl for Swift, loaded on first use: every call goes through opsdeck_curl_load's table, so a process that makes
   no HTTP call (the demo, a replay) never maps libcurl and the two dozen libraries it brings. curl_easy_setopt and
   curl_easy_getinfo are variadic, so each argument type gets a typed wrapper. */
#ifndef OPSDECK_CCURL_H
#define OPSDECK_CCURL_H

#include <curl/curl.h>

typedef size_t (*opsdeck_curl_data_fn)(char *ptr, size_t size, size_t nmemb, void *userdata);

/* Loads libcurl.so.4 and its functions once; NULL when loaded, else why not (dlerror's words). */
const char *opsdeck_curl_load(void);

CURLcode opsdeck_curl_global_init(long flags);
CURL *opsdeck_curl_easy_init(void);
void opsdeck_curl_easy_cleanup(CURL *h);
const char *opsdeck_curl_easy_strerror(CURLcode code);
struct curl_slist *opsdeck_curl_slist_append(struct curl_slist *list, const char *text);
void opsdeck_curl_slist_free_all(struct curl_slist *list);
CURLM *opsdeck_curl_multi_init(void);
CURLMcode opsdeck_curl_multi_add_handle(CURLM *m, CURL *h);
CURLMcode opsdeck_curl_multi_remove_handle(CURLM *m, CURL *h);
CURLMcode opsdeck_curl_multi_cleanup(CURLM *m);
CURLMcode opsdeck_curl_multi_perform(CURLM *m, int *running);
CURLMcode opsdeck_curl_multi_poll(CURLM *m, struct curl_waitfd *fds, unsigned int count, int timeout_ms, int *ready);
CURLMcode opsdeck_curl_multi_wakeup(CURLM *m);
CURLMsg *opsdeck_curl_multi_info_read(CURLM *m, int *remaining);

CURLcode opsdeck_curl_setopt_long(CURL *h, CURLoption o, long v);
CURLcode opsdeck_curl_setopt_string(CURL *h, CURLoption o, const char *v);
CURLcode opsdeck_curl_setopt_pointer(CURL *h, CURLoption o, void *v);
CURLcode opsdeck_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
CURLcode opsdeck_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v);
CURLcode opsdeck_curl_setopt_data_fn(CURL *h, CURLoption o, opsdeck_curl_data_fn v);
CURLcode opsdeck_curl_getinfo_long(CURL *h, CURLINFO i, long *v);
CURLMcode opsdeck_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v);
static inline CURLcode opsdeck_curl_msg_result(CURLMsg *m) { return m->data.result; }

#endif
