/* A hash set of keys with open addressing (linear probing), sized to at
 * least twice the number of events so probes stay short. */
static unsigned long long hash_key(const char* s) {
    unsigned long long h = 1469598103934665603ULL;  /* FNV-1a */
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    return h;
}

char** dedupeEvents(char** keys, int keysSize, char** payloads, int payloadsSize, int* returnSize) {
    size_t capacity = 16;
    while (capacity < (size_t)keysSize * 2) capacity <<= 1;
    const char** table = calloc(capacity, sizeof(char*));
    char** applied = malloc(sizeof(char*) * (keysSize > 0 ? keysSize : 1));
    int count = 0;
    for (int i = 0; i < keysSize; i++) {
        const char* key = keys[i];
        if (key[0] != '\0') {
            size_t slot = hash_key(key) & (capacity - 1);
            int duplicate = 0;
            while (table[slot]) {
                if (strcmp(table[slot], key) == 0) { duplicate = 1; break; }
                slot = (slot + 1) & (capacity - 1);
            }
            if (duplicate) continue;
            table[slot] = key;
        }
        applied[count++] = strdup(payloads[i]);
    }
    free(table);
    *returnSize = count;
    return applied;
}
