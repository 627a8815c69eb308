// chaosGateMerge: chaosGate.merge as a step of its own. Declarative `steps { }` takes steps, not method
// calls on a global variable (those need `script { }`), so this name lets a Declarative pipeline merge
// directly. Options, checks and machinery stay chaosGate's: one implementation, whose messages name
// this step, the one the user called and looks for in the log.

def call(Map config = [:]) {
    return chaosGate.mergeAs('chaosGateMerge', config)
}
