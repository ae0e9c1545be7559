-- expect: ok
-- stdout-contains: no such function: load_extension
-- why: Extensions cannot be loaded: the function is compiled out.

SELECT load_extension('/usr/lib/x86_64-linux-gnu/libc.so.6');
