/* CPython references the dynamic loader, which WASI does not have. */
#include <stddef.h>
void *dlopen(const char *file, int mode) { (void)file; (void)mode; return NULL; }
void *dlsym(void *handle, const char *name) { (void)handle; (void)name; return NULL; }
char *dlerror(void) { return "dynamic loading is not available"; }
int dlclose(void *handle) { (void)handle; return 0; }
