#ifndef SVCWIZ_CNCURSES_SHIM_H
#define SVCWIZ_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* glibc hides wcwidth unless _XOPEN_SOURCE is set before the first include. */
int wcwidth(wchar_t c);

#endif
