#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

/* xmlFree is a global function-pointer variable that Swift 6 rejects; call it through this. */
static inline void inventa_xml_free(void *p) { xmlFree(p); }
