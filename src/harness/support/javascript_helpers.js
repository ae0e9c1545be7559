
;
if (typeof ListNode === "undefined") {
  globalThis.ListNode = function ListNode(val, next) {
    this.val = val === undefined ? 0 : val;
    this.next = next === undefined ? null : next;
  };
}
if (typeof TreeNode === "undefined") {
  globalThis.TreeNode = function TreeNode(val, left, right) {
    this.val = val === undefined ? 0 : val;
    this.left = left === undefined ? null : left;
    this.right = right === undefined ? null : right;
  };
}
var __rhRun = (function () {
  const Node = () => ListNode;
  const Tree = () => TreeNode;
  function toList(values) {
    let head = null;
    for (let i = values.length - 1; i >= 0; i--) head = new (Node())(values[i], head);
    return head;
  }
  function fromList(node) {
    const out = [];
    let slow = node;
    while (node !== null && node !== undefined) {
      out.push(node.val);
      node = node.next;
      if (out.length % 2 === 0) {
        slow = slow.next;
        if (node && slow === node) throw new Error("the returned linked list has a cycle");
      }
    }
    return out;
  }
  function toTree(values) {
    if (values.length === 0 || values[0] === null) return null;
    const T = Tree();
    const root = new T(values[0]);
    const queue = [root];
    let head = 0;
    let i = 1;
    while (head < queue.length && i < values.length) {
      const node = queue[head++];
      if (i < values.length && values[i] !== null) { node.left = new T(values[i]); queue.push(node.left); }
      i++;
      if (i < values.length && values[i] !== null) { node.right = new T(values[i]); queue.push(node.right); }
      i++;
    }
    return root;
  }
  function fromTree(root) {
    const out = [];
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (node === null || node === undefined) { out.push(null); continue; }
      out.push(node.val);
      queue.push(node.left === undefined ? null : node.left, node.right === undefined ? null : node.right);
      if (out.length > 10000000) throw new Error("the returned tree has a cycle");
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  }
  function array(value) {
    if (value instanceof Set) return Array.from(value);
    return Array.from(value);
  }
  function entries(value) {
    return value instanceof Map ? Array.from(value.entries()) : Object.entries(value);
  }
  function plain(value) {
    if (value === undefined) return null;
    if (value instanceof Set) return Array.from(value).map(plain);
    if (value instanceof Map) return Object.fromEntries(Array.from(value.entries()).map(([k, v]) => [k, plain(v)]));
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value === "bigint") return Number(value);
    return value;
  }
  const text = require("fs").readFileSync(0);
  const newline = text.indexOf("\n");
  return {
    nonce: text.slice(0, newline),
    input: JSON.parse(text.slice(newline + 1)),
    toList, fromList, toTree, fromTree, array, entries, plain,
    emit(nonce, value) {
      process.stdout.write("\n" + nonce + "\n" + JSON.stringify(value) + "\n");
    },
  };
})();
var __rhToList = __rhRun.toList, __rhFromList = __rhRun.fromList, __rhToTree = __rhRun.toTree,
  __rhFromTree = __rhRun.fromTree, __rhArray = __rhRun.array, __rhEntries = __rhRun.entries,
  __rhPlain = __rhRun.plain;
