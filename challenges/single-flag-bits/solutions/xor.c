int flagLeftOn(int* toggles, int togglesSize) {
    unsigned acc = 0;
    for (int i = 0; i < togglesSize; i++) acc ^= (unsigned)toggles[i];
    return (int)acc;
}
