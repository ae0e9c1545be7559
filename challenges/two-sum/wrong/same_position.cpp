// Uses a position twice when target is twice a value (4 + 4 for 8).
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> at;
        for (int i = 0; i < (int)nums.size(); i++) at[nums[i]] = i;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto it = at.find(target - nums[i]);
            if (it != at.end()) return {i, it->second};
        }
        return {};
    }
};
