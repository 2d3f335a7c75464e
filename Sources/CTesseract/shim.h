#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
// libtesseract is built with OpenMP; Inventa runs one page per worker, so OpenMP teams only
// oversubscribe the cores. Declared here (not via <omp.h>, which is compiler-private).
extern void omp_set_max_active_levels(int max_levels);
