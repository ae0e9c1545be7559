
typedef struct { char* d; size_t n, p; } RhReader;
typedef struct { char* s; size_t n, cap; } RhWriter;
static void rh_fail(const char* what) { fprintf(stderr, "%s\n", what); exit(1); }
static RhReader rh_stdin(void) {
    RhReader r = { NULL, 0, 0 }; size_t cap = 0; char buf[65536]; size_t got;
    while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
        if (r.n + got + 1 > cap) { cap = (r.n + got + 1) * 2; r.d = realloc(r.d, cap); if (!r.d) rh_fail("harness: out of memory"); }
        memcpy(r.d + r.n, buf, got); r.n += got;
    }
    if (!r.d) { r.d = malloc(1); }
    r.d[r.n] = 0;
    return r;
}
static char* rh_token(RhReader* r, size_t* len) {
    while (r->p < r->n && isspace((unsigned char)r->d[r->p])) r->p++;
    size_t s = r->p;
    while (r->p < r->n && !isspace((unsigned char)r->d[r->p])) r->p++;
    *len = r->p - s;
    return r->d + s;
}
static long long rh_long(RhReader* r) { size_t n; char* t = rh_token(r, &n); return strtoll(t, NULL, 10); }
static int rh_int(RhReader* r) { return (int)rh_long(r); }
static double rh_double(RhReader* r) { size_t n; char* t = rh_token(r, &n); return strtod(t, NULL); }
static bool rh_bool(RhReader* r) { return rh_long(r) == 1; }
static char rh_char(RhReader* r) { return (char)rh_long(r); }
static char* rh_string(RhReader* r) {
    size_t n = (size_t)rh_long(r); char* s = malloc(n + 1); if (!s) rh_fail("harness: out of memory");
    memcpy(s, r->d + r->p + 1, n); s[n] = 0; r->p += 1 + n; return s;
}
static struct ListNode* rh_list(RhReader* r) {
    int n = rh_int(r); struct ListNode* head = NULL; struct ListNode** tail = &head;
    for (int i = 0; i < n; i++) { struct ListNode* node = malloc(sizeof *node); node->val = rh_int(r); node->next = NULL; *tail = node; tail = &node->next; }
    return head;
}
static struct TreeNode* rh_tree(RhReader* r) {
    int n = rh_int(r); if (n == 0) return NULL;
    struct TreeNode** nodes = calloc((size_t)n, sizeof *nodes);
    for (int i = 0; i < n; i++) { if (rh_bool(r)) { struct TreeNode* t = malloc(sizeof *t); t->val = rh_int(r); t->left = t->right = NULL; nodes[i] = t; } }
    int child = 1;
    for (int i = 0; i < n && child < n; i++) {
        if (!nodes[i]) continue;
        if (child < n) nodes[i]->left = nodes[child++];
        if (child < n) nodes[i]->right = nodes[child++];
    }
    struct TreeNode* root = nodes[0]; free(nodes); return root;
}
static void rh_raw(RhWriter* w, const char* t, size_t n) {
    if (w->n + n + 1 > w->cap) { w->cap = (w->n + n + 1) * 2; w->s = realloc(w->s, w->cap); if (!w->s) rh_fail("harness: out of memory"); }
    memcpy(w->s + w->n, t, n); w->n += n; w->s[w->n] = 0;
}
static void rh_put(RhWriter* w, const char* t) { rh_raw(w, t, strlen(t)); }
static void rh_w_long(RhWriter* w, long long v) { char b[32]; snprintf(b, sizeof b, "%lld", v); rh_put(w, b); }
static void rh_w_int(RhWriter* w, int v) { rh_w_long(w, v); }
static void rh_w_double(RhWriter* w, double v) { if (isfinite(v)) { char b[40]; snprintf(b, sizeof b, "%.17g", v); rh_put(w, b); } else rh_put(w, "null"); }
static void rh_w_bool(RhWriter* w, bool v) { rh_put(w, v ? "true" : "false"); }
static void rh_w_string(RhWriter* w, const char* t) {
    if (!t) { rh_put(w, "null"); return; }
    rh_put(w, "\"");
    for (const unsigned char* c = (const unsigned char*)t; *c; c++) {
        char b[8];
        switch (*c) {
            case '"': rh_put(w, "\\\""); break;
            case '\\': rh_put(w, "\\\\"); break;
            case '\n': rh_put(w, "\\n"); break;
            case '\r': rh_put(w, "\\r"); break;
            case '\t': rh_put(w, "\\t"); break;
            default: if (*c < 0x20) { snprintf(b, sizeof b, "\\u%04x", *c); rh_put(w, b); } else rh_raw(w, (const char*)c, 1);
        }
    }
    rh_put(w, "\"");
}
static void rh_w_char(RhWriter* w, char c) { char t[2] = { c, 0 }; rh_w_string(w, t); }
static void rh_w_list(RhWriter* w, struct ListNode* node) {
    /* Floyd's check: a cycle would otherwise print forever. */
    struct ListNode* slow = node; long count = 0;
    rh_put(w, "[");
    for (; node; node = node->next) {
        if (count++) rh_put(w, ",");
        rh_w_int(w, node->val);
        if (count % 2 == 0) { slow = slow->next; if (node->next && slow == node->next) rh_fail("the returned linked list has a cycle"); }
    }
    rh_put(w, "]");
}
static void rh_w_tree(RhWriter* w, struct TreeNode* root) {
    size_t cap = 1024, len = 0; struct TreeNode** queue = malloc(cap * sizeof *queue); queue[len++] = root;
    size_t last = 0;
    for (size_t head = 0; head < len; head++) {
        if (queue[head]) {
            last = head;
            if (len + 2 > cap) { cap *= 2; queue = realloc(queue, cap * sizeof *queue); }
            queue[len++] = queue[head]->left; queue[len++] = queue[head]->right;
            if (len > 20000000) rh_fail("the returned tree has a cycle");
        }
    }
    rh_put(w, "[");
    if (root) for (size_t i = 0; i <= last; i++) { if (i) rh_put(w, ","); if (queue[i]) rh_w_int(w, queue[i]->val); else rh_put(w, "null"); }
    rh_put(w, "]");
    free(queue);
}
static void rh_emit(const char* nonce, RhWriter* w) {
    fflush(stdout);
    printf("\n%s\n%s\n", nonce, w->s ? w->s : "null");
    fflush(stdout);
}
