// Tests of vars/chaosGate.groovy with PipelineHarness. Run by jenkins/test/run.sh; prints one line per
// test and a closing "N passed, M failed".

def varsFile = new File(getClass().protectionDomain.codeSource.location.path).parentFile.parentFile.path + '/vars/chaosGate.groovy'
def tests = [:]
def harness = { -> new PipelineHarness() }
def reportsWritten = { PipelineHarness h, int exitCode, String stderr = '' ->
    h.shell = { String script ->
        h.files['chaos-gate-results/junit.xml'] = '<testsuites/>'
        h.files['chaos-gate-results/chaos-gate.stderr'] = stderr
        return exitCode
    }
}
def expectError = { Closure body ->
    try {
        body()
    } catch (PipelineError e) {
        return e.message
    }
    throw new AssertionError('expected the step to fail the build')
}

tests['runs the pinned CLI with each option as a quoted argument'] = {
    def h = harness()
    reportsWritten(h, 0)
    def result = h.load(varsFile).call(engines: ['chaos/pod delete.yaml', "it's.yaml"], namespace: 'shop', timeout: '15m', minProbeSuccess: 90)
    String script = h.callsOf('sh')[0].args.script
    assert script.contains("npx --yes chaos-gate@0.1.0 'run' '--engine' 'chaos/pod delete.yaml' '--engine' 'it'\"'\"'s.yaml'")
    assert script.contains("'--namespace' 'shop' '--timeout' '15m' '--min-probe-success' '90'")
    assert script.contains("'--junit' 'chaos-gate-results/junit.xml'")
    assert h.callsOf('sh')[0].args.returnStatus == true
    assert result.exitCode == 0 && result.verdict == 'pass'
    assert h.currentBuild.result == null
}

tests['a given cliPath replaces npx'] = {
    def h = harness()
    reportsWritten(h, 0)
    h.load(varsFile).call(config: 'chaos-gate.yaml', cliPath: 'node dist/cli.js')
    assert h.callsOf('sh')[0].args.script.contains("node dist/cli.js 'run' '--config' 'chaos-gate.yaml'")
}

tests['workflow parameters become --parameter NAME=VALUE'] = {
    def h = harness()
    reportsWritten(h, 0)
    h.load(varsFile).call(workflowTemplate: 'chaos-load', parameters: [appLabel: 'app=checkout,tier=web'])
    assert h.callsOf('sh')[0].args.script.contains("'--workflow-template' 'chaos-load' '--parameter' 'appLabel=app=checkout,tier=web'")
}

tests['a kubeconfig credential is bound with withCredentials and passed by variable, never by value'] = {
    def h = harness()
    String seenKubeconfig
    h.shell = { String script ->
        seenKubeconfig = h.env.CHAOS_GATE_KUBECONFIG
        return 0
    }
    h.load(varsFile).call(engines: ['e.yaml'], kubeconfigCredentialsId: 'staging-kubeconfig')
    def binding = h.callsOf('withCredentials')[0].args[0]
    assert binding == [type: 'file', credentialsId: 'staging-kubeconfig', variable: 'CHAOS_GATE_KUBECONFIG']
    String script = h.callsOf('sh')[0].args.script
    assert script.contains('--kubeconfig "$CHAOS_GATE_KUBECONFIG"')
    assert !script.contains('/secret/')
    assert seenKubeconfig == '/secret/CHAOS_GATE_KUBECONFIG': 'sh ran inside withCredentials'
}

tests['without a credential, the agent context is used and nothing is bound'] = {
    def h = harness()
    reportsWritten(h, 0)
    h.load(varsFile).call(engines: ['e.yaml'], context: 'staging')
    assert h.callsOf('withCredentials').isEmpty()
    assert h.callsOf('sh')[0].args.script.contains("'--context' 'staging'")
    assert !h.callsOf('sh')[0].args.script.contains('--kubeconfig')
}

tests['publishes the JUnit without letting the test view decide the build, and archives the reports'] = {
    def h = harness()
    reportsWritten(h, 0)
    h.load(varsFile).call(engines: ['e.yaml'], reportDir: 'out/chaos')
    // reportsWritten writes under the default dir; nothing under out/chaos: junit is skipped, archive still runs.
    assert h.callsOf('junit').isEmpty()
    assert h.callsOf('archiveArtifacts')[0].args == [artifacts: 'out/chaos/report.json,out/chaos/report.html', allowEmptyArchive: true]

    def h2 = harness()
    reportsWritten(h2, 0)
    h2.load(varsFile).call(engines: ['e.yaml'])
    assert h2.callsOf('junit')[0].args == [testResults: 'chaos-gate-results/junit.xml', allowEmptyResults: true, keepProperties: true, skipMarkingBuildUnstable: true]
}

tests['exit 1 fails the build by default, and reports are still published'] = {
    def h = harness()
    reportsWritten(h, 1)
    def message = expectError { h.load(varsFile).call(engines: ['e.yaml']) }
    assert message.startsWith('chaos gate failed')
    assert h.currentBuild.result == 'FAILURE'
    assert h.callsOf('junit').size() == 1
    assert h.callsOf('archiveArtifacts').size() == 1
}

tests['exit 1 marks the build UNSTABLE with onGateFailure UNSTABLE and returns the result'] = {
    def h = harness()
    reportsWritten(h, 1)
    def result = h.load(varsFile).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE')
    assert h.currentBuild.result == 'UNSTABLE'
    assert h.callsOf('unstable').size() == 1
    assert result.verdict == 'fail' && result.exitCode == 1
    assert result.junit == 'chaos-gate-results/junit.xml'
}

tests['exit 2 fails the build with the CLI message, all of its lines'] = {
    def h = harness()
    reportsWritten(h, 2, 'npm notice\nchaos-gate: error: preflight failed, nothing was applied:\ne.yaml, document 1 (ChaosEngine x): rejected\n')
    def message = expectError { h.load(varsFile).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
    assert message == 'chaos-gate could not run: preflight failed, nothing was applied:\ne.yaml, document 1 (ChaosEngine x): rejected'
    assert h.currentBuild.result == 'FAILURE': 'exit 2 is a failure whatever onGateFailure says'
}

tests['exit 143 (aborted build) says the chaos was stopped'] = {
    def h = harness()
    reportsWritten(h, 143)
    def message = expectError { h.load(varsFile).call(engines: ['e.yaml']) }
    assert message.contains('interrupted (exit 143)') && message.contains('stopped the chaos')
}

tests['an unexpected exit code fails with the last stderr lines'] = {
    def h = harness()
    reportsWritten(h, 127, 'sh: 1: npx: not found\n')
    def message = expectError { h.load(varsFile).call(engines: ['e.yaml']) }
    assert message == 'chaos-gate exited with 127: sh: 1: npx: not found'
}

tests['unknown options, wrong types and missing inputs fail before anything runs'] = {
    [
        [[engins: ['e.yaml']], "unknown option 'engins'"],
        [[engines: ['e.yaml'], minProbeSuccess: 'high'], "option 'minProbeSuccess' must be a Number, got String"],
        [[engines: 42], "option 'engines' must be a List, got Integer"],
        [[namespace: 'shop'], "give 'config', 'engines', 'workflow' or 'workflowTemplate'"],
        [[engines: ['e.yaml'], onGateFailure: 'YELLOW'], "must be UNSTABLE or FAILURE, got 'YELLOW'"],
        [[engines: ['e.yaml'], cliPath: 'x', version: '1.0.0'], "either 'cliPath' or 'version'"],
    ].each { config, expected ->
        def h = harness()
        def message = expectError { h.load(varsFile).call(config) }
        assert message.contains(expected): message
        assert h.callsOf('sh').isEmpty()
    }
}

tests['a single String is accepted where a list is expected'] = {
    def h = harness()
    reportsWritten(h, 0)
    h.load(varsFile).call(engines: 'chaos/engine.yaml', rbac: 'chaos/rbac.yaml')
    assert h.callsOf('sh')[0].args.script.contains("'--engine' 'chaos/engine.yaml' '--rbac' 'chaos/rbac.yaml'")
}

tests['the generated script runs the real CLI: a bad setting ends as exit 2 with the CLI message'] = {
    def repo = new File(varsFile).parentFile.parentFile.parentFile
    def dir = File.createTempDir()
    def h = harness()
    h.runForReal(dir)
    def message = expectError {
        h.load(varsFile).call(engines: ['engine.yaml'], timeout: 'soon', cliPath: "node '${repo}/dist/cli.js'")
    }
    assert message == 'chaos-gate could not run: command line: --timeout: "soon" is not a duration (examples: 500ms, 90s, 15m, 1h30m)'
    assert new File(dir, 'chaos-gate-results').isDirectory(): 'the report folder was made'
}

int passed = 0
int failed = 0
tests.each { name, body ->
    try {
        body()
        passed++
        println "ok - ${name}"
    } catch (Throwable e) {
        failed++
        println "not ok - ${name}\n    ${e.toString().readLines().join('\n    ')}"
    }
}
println "${passed} passed, ${failed} failed"
System.exit(failed == 0 ? 0 : 1)
