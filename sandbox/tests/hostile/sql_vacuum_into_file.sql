-- expect: ok
-- stdout-contains: "error"
-- why: Writing the database out to a file fails for want of any writable place.

VACUUM INTO '/tmp/copy.db';
