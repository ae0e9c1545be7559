# Prints a batch-size list and a total.
# Usage: sizes.py <count> <max size> <total> <shape> <seed>
#   shape: random - sizes drawn from 1..max size
#          even   - only even sizes (an odd total is unreachable)
#          trap   - large sizes that leave awkward remainders plus a few
#                   mid-sized ones, so taking the largest first is wrong
import json
import random
import sys

count, top, total, shape, seed = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]),
                                  sys.argv[4], int(sys.argv[5]))
rng = random.Random(seed)
if shape == "even":
    sizes = [2 * rng.randint(1, top // 2) for _ in range(count)]
elif shape == "trap":
    # total = 3 * 3331 = 9993 is best made of three 3331s; the biggest size
    # 4990 leaves 5003, which the other sizes cover only clumsily.
    sizes = [4990, 3331, 37, 41, 997] + [rng.randint(4500, 4989) for _ in range(count - 5)]
else:
    sizes = [rng.randint(1, top) for _ in range(count)]
rng.shuffle(sizes)
print(json.dumps({"batch_sizes": sizes, "total": total}))
