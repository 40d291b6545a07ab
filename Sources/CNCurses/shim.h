/* ncursesw for Swift: wide-character API, and getters for the macros and globals Swift cannot import. */
#ifndef OPSDECK_CNCURSES_SHIM_H
#define OPSDECK_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <signal.h>
#include <unistd.h>

static inline WINDOW *opsdeck_stdscr(void) { return stdscr; }
static inline int opsdeck_colors(void) { return COLORS; }
static inline int opsdeck_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t opsdeck_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t opsdeck_a_normal(void) { return A_NORMAL; }
static inline attr_t opsdeck_a_bold(void) { return A_BOLD; }
static inline attr_t opsdeck_a_dim(void) { return A_DIM; }
static inline attr_t opsdeck_a_underline(void) { return A_UNDERLINE; }
static inline attr_t opsdeck_a_reverse(void) { return A_REVERSE; }
static inline int opsdeck_key_resize(void) { return KEY_RESIZE; }
static inline int opsdeck_lines(void) { return LINES; }
static inline int opsdeck_cols(void) { return COLS; }

/* Whether the terminal type named by TERM can address the cursor; 0 = yes, otherwise the reason code. */
static inline int opsdeck_check_terminal(const char *term) {
    int err = 0;
    if (setupterm(term, 1, &err) != OK) return err == 0 ? -2 : -1;
    char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return usable ? 0 : -3;
}

/* On a fatal signal: give the terminal back, then die of the same signal. */
static void opsdeck_crash_handler(int sig) {
    if (!isendwin()) endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs the crash handler for the signals a crash raises. */
static inline void opsdeck_install_crash_handlers(void) {
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], opsdeck_crash_handler);
}

#endif
