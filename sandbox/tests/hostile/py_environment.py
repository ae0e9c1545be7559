# expect: ok
# stdout: 0
# why: A Python program sees no environment variables at all.

import os
print(len(os.environ))
