/* Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, whose
   types clash with the copy of ICU inside Foundation ("UErrorCode has different
   definitions"). Inventa never touches the ICU converter fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

/* xmlFree is a global function-pointer variable that Swift 6 rejects; call it through this. */
static inline void inventa_xml_free(void *p) { xmlFree(p); }
