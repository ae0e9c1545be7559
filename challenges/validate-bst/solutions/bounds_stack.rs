use std::cell::RefCell;
use std::rc::Rc;

// Depth-first with an explicit stack: each node carries the open interval
// (low, high) its ancestors allow, in i64 so the i32 extremes fit inside.
impl Solution {
    pub fn is_valid_bst(root: Option<Rc<RefCell<TreeNode>>>) -> bool {
        let mut stack: Vec<(Rc<RefCell<TreeNode>>, i64, i64)> = Vec::new();
        if let Some(node) = root {
            stack.push((node, i64::MIN, i64::MAX));
        }
        while let Some((node, low, high)) = stack.pop() {
            let node = node.borrow();
            let value = node.val as i64;
            if value <= low || value >= high {
                return false;
            }
            if let Some(left) = &node.left {
                stack.push((left.clone(), low, value));
            }
            if let Some(right) = &node.right {
                stack.push((right.clone(), value, high));
            }
        }
        true
    }
}
