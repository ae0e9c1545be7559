class Solution {
public:
    int flagLeftOn(vector<int>& toggles) {
        int acc = 0;
        for (int flag : toggles) acc ^= flag;
        return acc;
    }
};
