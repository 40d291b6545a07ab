import Testing
@testable import opsdeck
@testable import ConsoleCore

@Suite struct KeyBindingTests {
    @Test func keyNamesParse() {
        #expect(Key(name: "q") == .char("q"))
        #expect(Key(name: "shift-tab") == .backTab)
        #expect(Key(name: "Ctrl-C") == .ctrl("c"))
        #expect(Key(name: "space") == .char(" "))
        #expect(Key(name: "F1") == .function(1))
        #expect(Key(name: "pgdn") == .pageDown)
        #expect(Key(name: "hyper-x") == nil)
    }

    @Test func everyActionHasABindingAndHelp() {
        let actions = Set(KeyBindings.defaults.bindings.map(\.action))
        #expect(actions == Set(Action.allCases))
        #expect(KeyBindings.defaults.helpLines.allSatisfy { !$0.text.isEmpty && !$0.keys.isEmpty })
    }

    @Test func defaultsAreTheBriefsKeys() {
        let keys = KeyBindings.defaults
        #expect(keys.action(for: .tab) == .nextPanel)
        #expect(keys.action(for: .backTab) == .previousPanel)
        #expect(keys.action(for: .char("7")) == .focusPanel)
        #expect(keys.action(for: .char("z")) == .zoom)
        #expect(keys.action(for: .char("/")) == .filter)
        #expect(keys.action(for: .char(":")) == .command)
        #expect(keys.action(for: .char("?")) == .help)
        #expect(keys.action(for: .char("j")) == .down)
        #expect(keys.action(for: .up) == .up)
        #expect(keys.action(for: .enter) == .detail)
        #expect(keys.action(for: .char("q")) == .quit)
    }

    @Test func overridesReplaceOnlyTheActionsTheyName() {
        var keys = KeyBindings.defaults
        let problems = keys.apply(["quit": ["x"], "zoom": ["Z", "f2"], "fly": ["f"], "help": ["hyper-h"]])
        #expect(keys.action(for: .char("x")) == .quit)
        #expect(keys.action(for: .char("q")) == nil)
        #expect(keys.action(for: .function(2)) == .zoom)
        #expect(keys.action(for: .char("j")) == .down)
        #expect(keys.action(for: .char("?")) == .help)
        #expect(problems == ["unknown action 'fly'", "help: unknown key in [\"hyper-h\"]"])
        #expect(keys.hints.contains { $0.keys == "x" && $0.text == "quit" })
    }
}
