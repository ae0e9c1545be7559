/* Sort (value, position) pairs, then walk two pointers inward. */
typedef struct { long long value; int position; } Item;

static int by_value(const void* a, const void* b) {
    long long x = ((const Item*)a)->value, y = ((const Item*)b)->value;
    return (x > y) - (x < y);
}

int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    Item* items = malloc(sizeof(Item) * numsSize);
    for (int i = 0; i < numsSize; i++) { items[i].value = nums[i]; items[i].position = i; }
    qsort(items, numsSize, sizeof(Item), by_value);
    int* answer = malloc(sizeof(int) * 2);
    *returnSize = 0;
    int lo = 0, hi = numsSize - 1;
    while (lo < hi) {
        long long sum = items[lo].value + items[hi].value;
        if (sum == target) {
            answer[0] = items[lo].position;
            answer[1] = items[hi].position;
            *returnSize = 2;
            break;
        }
        if (sum < target) lo++; else hi--;
    }
    free(items);
    return answer;
}
