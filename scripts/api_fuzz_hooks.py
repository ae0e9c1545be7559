"""Schemathesis hooks for scripts/api-fuzz.sh.

The package import takes a zip body (`application/zip`); schemathesis
sends binary bodies for `application/octet-stream`, so a zip is sent the
same way: the bytes it generates, as they are.
"""

import schemathesis

schemathesis.serializer.alias("application/zip", "application/octet-stream")
