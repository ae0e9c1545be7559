# expect: ok
# stdout: PYTHONDONTWRITEBYTECODE PYTHONHASHSEED PYTHONHOME
# wall-ms: 10000
# why: The only environment variables are the three the runtime sets on purpose.

import os
print(" ".join(sorted(os.environ)))
