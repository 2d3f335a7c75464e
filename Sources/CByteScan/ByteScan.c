// The functions are `static inline` in include/CByteScan.h, so that Swift inlines them; a C
// target needs one source file.
#include "CByteScan.h"
