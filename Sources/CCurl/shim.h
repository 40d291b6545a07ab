/* libcurl for Swift: curl_easy_setopt and curl_easy_getinfo are variadic, so each argument type gets a typed wrapper. */
#ifndef OPSDECK_CCURL_SHIM_H
#define OPSDECK_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*opsdeck_curl_data_fn)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode opsdeck_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode opsdeck_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode opsdeck_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode opsdeck_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode opsdeck_curl_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode opsdeck_curl_setopt_data_fn(CURL *h, CURLoption o, opsdeck_curl_data_fn v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode opsdeck_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode opsdeck_curl_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode opsdeck_curl_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode opsdeck_curl_msg_result(CURLMsg *m) { return m->data.result; }
static inline CURLMcode opsdeck_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

#endif
