/* wasi-libc of 2022 has no threads; CPython's WASI build only needs the key type. */
typedef unsigned pthread_key_t;
