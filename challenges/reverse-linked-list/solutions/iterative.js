var reverseList = function(head) {
    let previous = null;
    while (head !== null) {
        const next = head.next;
        head.next = previous;
        previous = head;
        head = next;
    }
    return previous;
};
