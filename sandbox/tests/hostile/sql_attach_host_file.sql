-- expect: ok
-- stdout-contains: unable to open database
-- why: ATTACH of a host file fails: the runtime has no filesystem at all.

ATTACH DATABASE '/etc/passwd' AS host;
