#ifndef CZHENGWUKIT_XML2_SHIM_H
#define CZHENGWUKIT_XML2_SHIM_H

// The one door from Swift into libxml2. Only ZhengwuKitXML imports this module,
// with `internal import`, so no client ever sees the C API.

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; encoding.h would then pull in <unicode/ucnv.h>,
// whose UErrorCode clashes with Foundation's copy in some build modes
// (see ../shared/docs/platform-notes.md). Nothing here needs ICU converters.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/tree.h>
#include <libxml/globals.h>

// A few failures of libxml2's input layer ("xmlParseChunk: encoder error") go to the thread's
// generic error handler, which prints to standard error. That handler is variadic, so Swift can
// neither implement nor hold it; these helpers swap in one that discards for the length of a
// parse (the parse still fails through the structured handler) and put the caller's back.
static inline void zwk_xml_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void zwk_xml_silence_generic_errors(void **savedHandler, void **savedContext) {
    *savedHandler = (void *)xmlGenericError;
    *savedContext = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, zwk_xml_discard_generic_error);
}

static inline void zwk_xml_restore_generic_errors(void *savedHandler, void *savedContext) {
    xmlSetGenericErrorFunc(savedContext, (xmlGenericErrorFunc)savedHandler);
}

#endif
