/// The four themes shipped in themes/, compiled in so the single deployable binary has them all; files of the same
/// name in ~/.config/opsdeck/themes/ or themes/ take precedence. A test keeps these equal to the files.
enum BuiltinThemes {
    /// Theme file text by name.
    static let files: [String: String] = [
        "dark": #"""
        # opsdeck dark theme (the default). Roles map to colours: a name (red, bright-blue, ...), a palette index 0-255,
        # "#rrggbb" (mapped to the nearest palette colour) or "default". On 16- and 8-colour terminals colours fall back to
        # the nearest basic colour; with NO_COLOR or no colour support each role's `mono` attributes are used instead.
        name = "dark"

        [roles]
        text = { fg = "default" }
        muted = { fg = 245, mono = ["dim"] }
        accent = { fg = 75, mono = ["bold"] }
        ok = { fg = 114 }
        warn = { fg = 221, bold = true, mono = ["bold"] }
        critical = { fg = 203, bold = true, mono = ["bold", "underline"] }
        border = { fg = 240, mono = ["dim"] }
        border_focused = { fg = 75, mono = ["bold"] }
        title = { fg = 231, bold = true, mono = ["bold"] }
        header = { fg = 250, bold = true, mono = ["bold"] }
        selection = { fg = 231, bg = 25, mono = ["reverse"] }
        status_bar = { fg = 252, bg = 236, mono = ["reverse"] }
        marker = { fg = 201, mono = ["reverse"] }
        # Environment colours (config.toml `color = "red"` ...), for environment names and banners.
        env_red = { fg = 196, bold = true, mono = ["bold", "underline"] }
        env_yellow = { fg = 226, bold = true, mono = ["bold", "underline"] }
        env_green = { fg = 46, bold = true, mono = ["bold", "underline"] }
        env_blue = { fg = 39, bold = true, mono = ["bold", "underline"] }
        env_magenta = { fg = 207, bold = true, mono = ["bold", "underline"] }
        env_cyan = { fg = 51, bold = true, mono = ["bold", "underline"] }
        """#,
        "light": #"""
        # opsdeck light theme: dark text on its own light background (bg 255), so it reads the same on a dark terminal.
        name = "light"

        [roles]
        text = { bg = 255, fg = 235 }
        muted = { bg = 255, fg = 244, mono = ["dim"] }
        accent = { bg = 255, fg = 25, mono = ["bold"] }
        ok = { bg = 255, fg = 28 }
        warn = { bg = 255, fg = 130, bold = true, mono = ["bold"] }
        critical = { bg = 255, fg = 160, bold = true, mono = ["bold", "underline"] }
        border = { bg = 255, fg = 248, mono = ["dim"] }
        border_focused = { bg = 255, fg = 25, mono = ["bold"] }
        title = { bg = 255, fg = 232, bold = true, mono = ["bold"] }
        header = { bg = 255, fg = 238, bold = true, mono = ["bold"] }
        selection = { fg = 232, bg = 153, mono = ["reverse"] }
        status_bar = { fg = 235, bg = 252, mono = ["reverse"] }
        marker = { bg = 255, fg = 201, mono = ["reverse"] }
        env_red = { bg = 255, fg = 160, bold = true, mono = ["bold", "underline"] }
        env_yellow = { bg = 255, fg = 136, bold = true, mono = ["bold", "underline"] }
        env_green = { bg = 255, fg = 28, bold = true, mono = ["bold", "underline"] }
        env_blue = { bg = 255, fg = 26, bold = true, mono = ["bold", "underline"] }
        env_magenta = { bg = 255, fg = 127, bold = true, mono = ["bold", "underline"] }
        env_cyan = { bg = 255, fg = 30, bold = true, mono = ["bold", "underline"] }
        """#,
        "high-contrast": #"""
        # opsdeck high-contrast theme: basic bright colours on black, bold where it matters.
        name = "high-contrast"

        [roles]
        text = { fg = "bright-white", bg = "black" }
        muted = { fg = "white", bg = "black" }
        accent = { fg = "bright-cyan", bg = "black", bold = true }
        ok = { fg = "bright-green", bg = "black", bold = true }
        warn = { fg = "bright-yellow", bg = "black", bold = true, mono = ["bold"] }
        critical = { fg = "bright-white", bg = "red", bold = true, mono = ["bold", "reverse"] }
        border = { fg = "white", bg = "black" }
        border_focused = { fg = "bright-yellow", bg = "black", bold = true, mono = ["bold"] }
        title = { fg = "bright-yellow", bg = "black", bold = true, mono = ["bold"] }
        header = { fg = "bright-white", bg = "black", bold = true, underline = true, mono = ["bold", "underline"] }
        selection = { fg = "black", bg = "bright-yellow", mono = ["reverse"] }
        status_bar = { fg = "black", bg = "bright-white", mono = ["reverse"] }
        marker = { fg = "bright-magenta", bg = "black", mono = ["reverse"] }
        env_red = { fg = "bright-white", bg = "red", bold = true, mono = ["bold", "underline"] }
        env_yellow = { fg = "black", bg = "bright-yellow", bold = true, mono = ["bold", "underline"] }
        env_green = { fg = "black", bg = "bright-green", bold = true, mono = ["bold", "underline"] }
        env_blue = { fg = "bright-white", bg = "blue", bold = true, mono = ["bold", "underline"] }
        env_magenta = { fg = "bright-white", bg = "magenta", bold = true, mono = ["bold", "underline"] }
        env_cyan = { fg = "black", bg = "bright-cyan", bold = true, mono = ["bold", "underline"] }
        """#,
        "mono": #"""
        # opsdeck monochrome theme: no colours at all, only attributes (what NO_COLOR gives every theme).
        name = "mono"

        [roles]
        text = { fg = "default" }
        muted = { dim = true, mono = ["dim"] }
        accent = { bold = true, mono = ["bold"] }
        ok = { fg = "default" }
        warn = { bold = true, mono = ["bold"] }
        critical = { bold = true, underline = true, mono = ["bold", "underline"] }
        border = { dim = true, mono = ["dim"] }
        border_focused = { bold = true, mono = ["bold"] }
        title = { bold = true, mono = ["bold"] }
        header = { bold = true, mono = ["bold"] }
        selection = { reverse = true, mono = ["reverse"] }
        status_bar = { reverse = true, mono = ["reverse"] }
        marker = { reverse = true, mono = ["reverse"] }
        env_red = { bold = true, underline = true, mono = ["bold", "underline"] }
        env_yellow = { bold = true, mono = ["bold"] }
        env_green = { mono = [] }
        env_blue = { underline = true, mono = ["underline"] }
        env_magenta = { bold = true, mono = ["bold"] }
        env_cyan = { underline = true, mono = ["underline"] }
        """#,
    ]
}
