/**
 * Base class of every script the harness loads: a call that is neither a method of the script nor a
 * closure in its binding is a pipeline step (or a Declarative section), handed to the PipelineHarness.
 */
abstract class PipelineScript extends Script {
    def methodMissing(String name, Object args) {
        return (binding.getVariable('pipelineHarness') as PipelineHarness).step(name, args as Object[])
    }

    /** A library var used as an object (`chaosGate.merge(...)`): Jenkins resolves it as a global variable. */
    def propertyMissing(String name) {
        return (binding.getVariable('pipelineHarness') as PipelineHarness).libraryVar(name)
    }
}
