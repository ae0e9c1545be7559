# expect: time_limit
# why: Python's time.sleep waits virtually; thirty seconds cost more than the budget and end the run without waiting (issue 11).

import time

time.sleep(30)
print("woke up")
