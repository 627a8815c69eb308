// Tests of vars/chaosGate.groovy and the example Jenkinsfiles, with PipelineHarness. Run by
// jenkins/test/run.sh; prints one line per test and a closing "N passed, M failed".
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.ForStatement
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases

File jenkinsDir = new File(getClass().protectionDomain.codeSource.location.path).parentFile.parentFile.canonicalFile
File repoDir = jenkinsDir.parentFile
String step = new File(jenkinsDir, 'vars/chaosGate.groovy').path
String realCli = "node ${new File(repoDir, 'dist/cli.js').path}"
String bundledCli = new File(jenkinsDir, 'resources/chaos-gate/cli.mjs').getText('UTF-8')
String bundledMain = new File(jenkinsDir, 'resources/chaos-gate/main.mjs').getText('UTF-8')
Map<String, Closure> tests = [:]
def test = { String name, Closure body -> tests[name] = body }
List<File> temporary = []
/** A fresh workspace folder, removed when the tests end. */
def tempDir = { -> File dir = File.createTempDir('chaos-gate-jenkins-', ''); temporary << dir; dir }

/** A harness whose `sh` "runs" the CLI: writes the reports it would write, and exits with `exitCode`. */
def stubbedCli = { int exitCode, String stderr = '' ->
    def h = new PipelineHarness()
    h.shell = { String script ->
        if (exitCode in [0, 1]) {
            h.files['chaos-gate-results/junit.xml'] = '<testsuites/>'
            h.files['chaos-gate-results/report.json'] = '{}'
        }
        h.files['chaos-gate-results/chaos-gate.stderr'] = stderr
        return exitCode
    }
    return h
}
/** The message of the error the block ends with; fails the test if it ends without one. */
def failureOf = { Closure body ->
    try {
        body()
    } catch (PipelineError e) {
        return e.message
    }
    throw new AssertionError('expected the step to fail the build')
}
def scriptOf = { PipelineHarness h -> h.callsOf('sh')[0].args.script as String }
def stepsIn = { PipelineHarness h -> h.calls*.step }
/** A temporary workspace with an executable fake CLI: `body` is its sh code; it is run as `sh FILE run ...`. */
def fakeCli = { String body ->
    File dir = tempDir()
    new File(dir, 'fake-cli.sh').text = body
    return dir
}

// ---------------------------------------------------------------- the command line

test('runs the CLI bundled with the library (libraryResource, never a package name), every argument single-quoted') {
    def h = stubbedCli(0)
    def result = h.load(step).call(engines: ['chaos/pod delete.yaml', "it's.yaml"], namespace: 'shop', timeout: '15m', minProbeSuccess: 90)
    String script = scriptOf(h)
    assert h.callsOf('libraryResource')*.args == ['chaos-gate/cli.mjs', 'chaos-gate/main.mjs']
    assert h.files['.chaos-gate/chaos-gate-results/cli.mjs'] == bundledCli && bundledCli.startsWith('#!/usr/bin/env node')
    assert h.files['.chaos-gate/chaos-gate-results/main.mjs'] == bundledMain
    assert stepsIn(h).indexOf('writeFile') < stepsIn(h).indexOf('sh'): 'written before it runs'
    assert script.contains("\nnode '.chaos-gate/chaos-gate-results/cli.mjs' 'run' '--engine=chaos/pod delete.yaml' '--engine=it'\"'\"'s.yaml'")
    assert !script.contains('npx') && !script.contains('chaos-gate@')
    assert script.contains("'--namespace=shop' '--timeout=15m' '--min-probe-success=90'")
    assert script.contains("'--junit=chaos-gate-results/junit.xml' '--json=chaos-gate-results/report.json' '--html=chaos-gate-results/report.html'")
    assert h.callsOf('sh')[0].args.returnStatus == true
    assert result == [exitCode: 0, verdict: 'pass', junit: 'chaos-gate-results/junit.xml',
                      json: 'chaos-gate-results/report.json', html: 'chaos-gate-results/report.html']
    assert h.currentBuild.result == null
    assert h.callsOf('error').isEmpty() && h.callsOf('unstable').isEmpty()
}

test('numbers reach the CLI in plain decimals, which it reads, whatever Groovy type they are') {
    def h = stubbedCli(0)
    h.load(step).call(engines: ['e.yaml'], minProbeSuccess: 1e-7, parameters: [replicas: 3, ratio: 1.0E10d])
    String script = scriptOf(h)
    assert script.contains("'--min-probe-success=0.0000001'")
    assert script.contains("'--parameter=replicas=3' '--parameter=ratio=10000000000'")
}

test("minProbeSuccess as a percentage String ('90%') reaches the CLI as written, which reads it") {
    def h = stubbedCli(0)
    h.load(step).call(engines: ['e.yaml'], minProbeSuccess: '90%')
    assert scriptOf(h).contains("'--min-probe-success=90%'")
    assert h.callsOf('error').isEmpty()
}

test('parallel gates in one workspace never rewrite the CLI files another gate is running') {
    def h = new PipelineHarness()
    def gate = h.load(step)
    List<String> writtenWhileFirstRan = []
    boolean first = true
    h.shell = { String script ->
        if (first) {
            // A parallel stage without its own agent starts its gate in the same workspace meanwhile.
            first = false
            int before = h.callsOf('writeFile').size()
            gate.call(engines: ['canary.yaml'], reportDir: 'out/canary')
            writtenWhileFirstRan = h.callsOf('writeFile').drop(before)*.args*.file*.toString()
        }
        return 0
    }
    gate.call(engines: ['staging.yaml'], reportDir: 'out/staging')
    String firstCliDir = (scriptOf(h) =~ /\nnode '([^']+)\/cli\.mjs'/)[0][1]
    assert !writtenWhileFirstRan.isEmpty()
    assert writtenWhileFirstRan.every { !it.startsWith("${firstCliDir}/") }: "rewritten under ${firstCliDir}: ${writtenWhileFirstRan}"
}

test('a parallel gate in the same reportDir stops before it touches the reports of the first') {
    def h = new PipelineHarness()
    def gate = h.load(step)
    String secondFailure = null
    int shellsWhileFirstRan = 0
    boolean first = true
    h.shell = { String script ->
        if (first) {
            // Two parallel stages left at the default reportDir, in one workspace.
            first = false
            int before = h.callsOf('sh').size()
            secondFailure = failureOf { gate.call(engines: ['canary.yaml']) }
            shellsWhileFirstRan = h.callsOf('sh').size() - before
        }
        return 0
    }
    def result = gate.call(engines: ['staging.yaml'])
    assert secondFailure == "chaosGate: reportDir 'chaos-gate-results' is in use by another chaosGate running in this workspace (a parallel branch?); give each parallel gate its own reportDir"
    assert shellsWhileFirstRan == 0: 'the second gate ran no script, so no rm of the reports of the first'
    assert result.exitCode == 0

    // Once a gate has finished, the folder is free for the next one, and so it is after a failure.
    h.shell = { String script -> 1 }
    assert failureOf { gate.call(engines: ['canary.yaml']) }.contains('exited with 1 without writing its reports')
    h.shell = { String script -> 0 }
    assert gate.call(engines: ['canary.yaml']).exitCode == 0
}

test('cliPath replaces the bundled CLI, which is then not written; the old version option says what to do instead') {
    def h2 = stubbedCli(0)
    h2.load(step).call(config: 'chaos-gate.yaml', cliPath: 'node dist/cli.js')
    assert scriptOf(h2).contains("\nnode dist/cli.js 'run' '--config=chaos-gate.yaml'")
    assert h2.callsOf('libraryResource').isEmpty() && h2.callsOf('writeFile').isEmpty()

    def h = new PipelineHarness()
    String message = failureOf { h.load(step).call(config: 'chaos-gate.yaml', version: '0.2.0') }
    assert message.startsWith("chaosGate: option 'version' is gone: the step runs the CLI bundled with this library")
    assert h.callsOf('sh').isEmpty()
}

test('lists repeat their flag, one String stands for a list, booleans give --flag or --no-flag') {
    def h = stubbedCli(0)
    h.load(step).call(engines: 'e.yaml', rbac: ['r1.yaml', 'r2.yaml'], allowFailures: ['pod-cpu-hog'],
        inCluster: true, failOnFailure: false, stoppedAs: 'skip', namespace: null, extraArgs: ['--summary', 'out/s.md'])
    String script = scriptOf(h)
    assert script.contains("'--engine=e.yaml' '--rbac=r1.yaml' '--rbac=r2.yaml'")
    assert script.contains("'--in-cluster'")
    assert script.contains("'--allow-failure=pod-cpu-hog' '--stopped-as=skip' '--no-fail-on-failure'")
    assert script.contains("'--junit-case-properties' '--junit=chaos-gate-results/junit.xml'")
    assert script.contains("'--html=chaos-gate-results/report.html' '--summary' 'out/s.md' 2>")
    assert !script.contains('--namespace'): 'a null option is left out'
}

test('the CLI settings of the Action are options too: stopTimeout, allowNamespaces, allowClusterScoped') {
    def h = stubbedCli(0)
    h.load(step).call(rbac: 'litmus-admin.yaml', engines: ['e.yaml'], allowNamespaces: ['shop', 'payments'],
        allowClusterScoped: true, stopTimeout: '15s')
    String script = scriptOf(h)
    assert script.contains("'--allow-namespace=shop' '--allow-namespace=payments' '--allow-cluster-scoped'")
    assert script.contains("'--stop-timeout=15s'")
}

test('workflow parameters become --parameter NAME=VALUE') {
    def h = stubbedCli(0)
    h.load(step).call(workflowTemplate: 'chaos-load', parameters: [appLabel: 'app=checkout,tier=web', replicas: 3, dryRun: false])
    assert scriptOf(h).contains("'--workflow-template=chaos-load' '--parameter=appLabel=app=checkout,tier=web' '--parameter=replicas=3' '--parameter=dryRun=false'")
}

test('reports of an earlier build are removed before the CLI runs, and stderr is kept then shown') {
    def h = stubbedCli(0)
    h.load(step).call(engines: ['e.yaml'], reportDir: 'out/chaos/')
    List<String> lines = scriptOf(h).readLines()
    assert lines[0] == "mkdir -p 'out/chaos'"
    assert lines[1] == "rm -f 'out/chaos/junit.xml' 'out/chaos/report.json' 'out/chaos/report.html' 'out/chaos/report.css' 'out/chaos/chaos-gate.stderr'"
    assert lines.find { it.startsWith('node ') }.endsWith(" 2>'out/chaos/chaos-gate.stderr' || status=\$?")
    assert lines[-2..-1] == ["cat 'out/chaos/chaos-gate.stderr' >&2", 'exit "$status"']
}

// ---------------------------------------------------------------- merge

/** A harness whose `sh` "runs" `chaos-gate merge`: writes the merged reports in `dir`, exits with `exitCode`. */
def stubbedMerge = { int exitCode, String dir = 'chaos-gate-merged' ->
    def h = new PipelineHarness()
    h.shell = { String script ->
        h.files["${dir}/junit.xml".toString()] = '<testsuites/>'
        h.files["${dir}/report.json".toString()] = '{}'
        h.files["${dir}/report.html".toString()] = '<html/>'
        return exitCode
    }
    return h
}

test('merge runs the bundled CLI\'s merge over the reports, after `--`, with the gate policy and its own report paths') {
    def h = stubbedMerge(0)
    def result = h.load(step).merge(reports: ['eu/report.json', '-us/report.json'], minProbeSuccess: 90,
        allowFailures: 'pod-cpu-hog', failOnFailure: false, config: 'chaos-gate.yaml')
    String script = scriptOf(h)
    assert h.callsOf('libraryResource')*.args == ['chaos-gate/cli.mjs', 'chaos-gate/main.mjs']
    assert script.contains("\nnode '.chaos-gate/chaos-gate-merged/cli.mjs' 'merge' '--config=chaos-gate.yaml' '--min-probe-success=90' '--allow-failure=pod-cpu-hog' '--no-fail-on-failure'" +
        " '--junit-case-properties' '--junit=chaos-gate-merged/junit.xml' '--json=chaos-gate-merged/report.json' '--html=chaos-gate-merged/report.html'" +
        " '--' 'eu/report.json' '-us/report.json' 2>'chaos-gate-merged/chaos-gate.stderr' || status=\$?")
    assert script.readLines()[0..2] == ["mkdir -p 'chaos-gate-merged'",
        "rm -f 'chaos-gate-merged/junit.xml' 'chaos-gate-merged/report.json' 'chaos-gate-merged/report.html' 'chaos-gate-merged/report.css' 'chaos-gate-merged/chaos-gate.stderr'",
        'trap : TERM']
    assert !script.contains('--kubeconfig') && h.callsOf('withCredentials').isEmpty()
    assert result == [exitCode: 0, verdict: 'pass', junit: 'chaos-gate-merged/junit.xml',
                      json: 'chaos-gate-merged/report.json', html: 'chaos-gate-merged/report.html']
}

test('merge passes expect, the number of reports there must be, to the CLI; the run step refuses it') {
    def h = stubbedMerge(0)
    h.load(step).merge(reports: ['eu/report.json', 'us/report.json'], expect: 2)
    assert scriptOf(h).contains(" '--expect=2' '--junit-case-properties' ")
    def declarative = stubbedMerge(0)
    declarative.load(new File(jenkinsDir, 'vars/chaosGateMerge.groovy').path).call(reports: ['eu/report.json', 'us/report.json'], expect: 2)
    assert scriptOf(declarative) == scriptOf(h)
    def run = new PipelineHarness()
    assert failureOf { run.load(step).call(engines: ['e.yaml'], expect: 2) }.startsWith("chaosGate: unknown option 'expect'")
    assert run.callsOf('sh').isEmpty()
}

test('merge publishes the merged JUnit and HTML report, archives them, and the build result follows the exit code') {
    def h = stubbedMerge(1, 'out/all')
    def result = h.load(step).merge(reports: ['eu/report.json', 'us/report.json'], reportDir: 'out/all', onGateFailure: 'UNSTABLE',
        healthScaleFactor: 0, checksName: 'chaos')
    assert h.callsOf('junit')*.args == [[testResults: 'out/all/junit.xml', allowEmptyResults: true, keepProperties: true,
                                         keepLongStdio: true, skipMarkingBuildUnstable: true, healthScaleFactor: 0d, checksName: 'chaos']]
    assert h.callsOf('publishHTML')[0].args.target.reportDir == 'out/all'
    assert h.callsOf('archiveArtifacts')*.args*.artifacts == ['out/all/report.json,out/all/report.html,out/all/report.css']
    assert result.verdict == 'fail' && h.currentBuild.result == 'UNSTABLE'

    def failing = stubbedMerge(1)
    assert failureOf { failing.load(step).merge(reports: ['eu/report.json']) }.startsWith('chaosGate: the chaos gate failed')
    assert failing.currentBuild.result == 'FAILURE' && failing.callsOf('junit').size() == 1
    def unjudged = new PipelineHarness()
    unjudged.shell = { String script -> unjudged.files['chaos-gate-merged/chaos-gate.stderr'] = 'chaos-gate: error: eu/report.json: not found'; 2 }
    assert failureOf { unjudged.load(step).merge(reports: ['eu/report.json']) } == 'chaosGate: chaos-gate could not run: eu/report.json: not found'
}

test('a cancelled merge (exit 143 or 130) aborts the build saying its reports were removed, not that chaos was stopped') {
    [143: 'SIGTERM', 130: 'SIGINT'].each { code, signal ->
        def h = new PipelineHarness()
        h.shell = { String script -> code }
        String message = failureOf { h.load(step).merge(reports: ['eu/report.json']) }
        assert message == "chaosGate: chaos-gate merge was cancelled by ${signal} (exit ${code}); it removed the merged reports it had written, so none is published"
        assert h.currentBuild.result == 'ABORTED'
        assert h.callsOf('junit').isEmpty()
    }
}

test('what findFiles returns counts as paths: merge over findFiles(glob: ...), engines from findFiles') {
    def found = { String... paths -> paths.collect { new org.jenkinsci.plugins.pipeline.utility.steps.fs.FileWrapper(it) } }
    def h = stubbedMerge(0, 'chaos/all')
    h.load(step).merge(reports: found('chaos/eu/report.json', 'chaos/us/report.json'), expect: 2, reportDir: 'chaos/all')
    assert h.callsOf('error').isEmpty()
    assert scriptOf(h).contains("'--expect=2' ") && scriptOf(h).contains("'--' 'chaos/eu/report.json' 'chaos/us/report.json'")

    def run = stubbedCli(0)
    run.load(step).call(engines: found('chaos/engines/pod-delete.yaml')[0], rbac: found('chaos/rbac.yaml'))
    assert run.callsOf('error').isEmpty()
    assert scriptOf(run).contains("'--engine=chaos/engines/pod-delete.yaml'") && scriptOf(run).contains("'--rbac=chaos/rbac.yaml'")

    String clash = failureOf { new PipelineHarness().load(step).merge(reports: found('chaos-gate-merged/report.json')) }
    assert clash.startsWith("chaosGate: option 'reports' names 'chaos-gate-merged/report.json', which merge removes before it runs")
}

test('chaosGateMerge, callable in Declarative steps without script { }, runs chaosGate.merge: the same script, reports, result and refusals, in messages that name chaosGateMerge') {
    Map options = [reports: ['eu/report.json', 'us/report.json'], reportDir: 'out/all', minProbeSuccess: 90, onGateFailure: 'UNSTABLE']
    def direct = stubbedMerge(1, 'out/all')
    direct.load(step).merge(options)
    def declarative = { String call ->
        File jenkinsfile = new File(tempDir(), 'Jenkinsfile')
        jenkinsfile.text = "pipeline { stages { stage('Resilience gate') { steps { ${call} } } } }"
        return jenkinsfile.path
    }
    def h = stubbedMerge(1, 'out/all')
    h.load(declarative("chaosGateMerge(reports: ['eu/report.json', 'us/report.json'], reportDir: 'out/all', minProbeSuccess: 90, onGateFailure: 'UNSTABLE')")).run()
    assert !('script' in stepsIn(h))
    assert h.callsOf('chaosGateMerge')*.args == [options]
    assert h.callsOf('sh')*.args == direct.callsOf('sh')*.args && scriptOf(h).contains("'merge'")
    assert h.callsOf('junit')*.args == direct.callsOf('junit')*.args && h.currentBuild.result == 'UNSTABLE'

    def refused = new PipelineHarness()
    String message = failureOf { refused.load(declarative("chaosGateMerge(reports: ['a.json'], engines: ['e.yaml'])")).run() }
    assert message.startsWith("chaosGateMerge: unknown option 'engines'") && refused.callsOf('sh').isEmpty()

    // The gate's own messages name the step called, too.
    def failing = stubbedMerge(1)
    assert failureOf { failing.load(declarative("chaosGateMerge(reports: ['eu/report.json'])")).run() }
        .startsWith('chaosGateMerge: the chaos gate failed; see the test results and chaos-gate-merged/report.html')
    def unjudged = new PipelineHarness()
    unjudged.shell = { String script -> unjudged.files['chaos-gate-merged/chaos-gate.stderr'] = 'chaos-gate: error: eu/report.json: not found'; 2 }
    assert failureOf { unjudged.load(declarative("chaosGateMerge(reports: ['eu/report.json'])")).run() } ==
        'chaosGateMerge: chaos-gate could not run: eu/report.json: not found'
}

test('chaosGate.merge takes its options and nothing else: naming the step its messages start with is chaosGateMerge\'s own') {
    Script loaded = new PipelineHarness().load(step)
    // merge() and merge(Map): Groovy's two for the default argument.
    assert loaded.metaClass.methods.findAll { it.name == 'merge' }*.nativeParameterTypes*.toList() as Set == [[], [Map]] as Set
    def h = new PipelineHarness()
    // Jenkins throws "No signature of method"; the harness plays a method it does not find as a step.
    h.load(step).merge([reports: ['a.json']], 'myGate')
    assert h.callsOf('sh').isEmpty()
    // The library's own caller is its only one.
    File vars = new File(jenkinsDir, 'vars')
    assert vars.listFiles().findAll { it.text.contains('mergeAs(') }*.name.sort() == ['chaosGate.groovy', 'chaosGateMerge.groovy']
}

test('merge takes only the options merge reads, needs reports, and never removes one of them before it runs') {
    [
        [[reports: ['a.json'], engines: ['e.yaml']], "chaosGate: unknown option 'engines'; known options: reports, expect, config, minProbeSuccess,"],
        [[reports: ['a.json'], kubeconfigCredentialsId: 'kc'], "chaosGate: unknown option 'kubeconfigCredentialsId'"],
        [[reports: ['a.json'], extraArgs: ['--summary', 's.md']], "chaosGate: unknown option 'extraArgs'"],
        [[reports: 42], "chaosGate: option 'reports' must be a List, got a Number"],
        [[reports: 'a.json, b.json'], "chaosGate: option 'reports' is one String holding a comma or a line break; give a List"],
        [[reports: ['a.json', null]], "chaosGate: option 'reports' must hold Strings or Numbers, item 2 is null"],
        [[reports: ['a.json'], expect: '2'], "chaosGate: option 'expect' must be a Number, got a String"],
        [[reports: ['a.json'], minProbeSuccess: [90]], "chaosGate: option 'minProbeSuccess' must be a Number or a String such as '90%', got a List"],
        [[reports: ['a.json'], onGateFailure: 'YELLOW'], "chaosGate: option 'onGateFailure' must be 'UNSTABLE' or 'FAILURE'"],
        [[reports: ['a.json'], reportDir: '../out'], "chaosGate: option 'reportDir' must be a relative path"],
        [[:], "chaosGate: option 'reports' is required: the JSON reports of the gates to join"],
        [[reports: []], "chaosGate: option 'reports' is required"],
        [[reports: ['eu/report.json', './chaos-gate-merged/report.json']], "chaosGate: option 'reports' names './chaos-gate-merged/report.json', which merge removes before it runs"],
        [[reports: ['eu/report.json'], reportDir: 'eu/'], "chaosGate: option 'reports' names 'eu/report.json', which merge removes before it runs"],
    ].each { config, expected ->
        def h = new PipelineHarness()
        String message = failureOf { h.load(step).merge(config) }
        assert message.startsWith(expected)
        assert h.callsOf('sh').isEmpty()
    }
}

// ---------------------------------------------------------------- the kube context

test('a kubeconfig credential is bound to KUBECONFIG with withCredentials and passed by variable, never by value') {
    def h = new PipelineHarness()
    String kubeconfigDuringSh
    h.shell = { String script -> kubeconfigDuringSh = h.env.KUBECONFIG; return 0 }
    h.load(step).call(engines: ['e.yaml'], kubeconfigCredentialsId: 'staging-kubeconfig')
    assert h.callsOf('withCredentials').size() == 1
    assert h.callsOf('withCredentials')[0].args[0] == [[binding: 'file', credentialsId: 'staging-kubeconfig', variable: 'KUBECONFIG']]
    assert kubeconfigDuringSh?.endsWith('/kubeconfig'): 'sh ran inside withCredentials'
    assert h.env.KUBECONFIG == null: 'the binding ended with the step'
    String script = scriptOf(h)
    assert script.contains('''/report.html' --kubeconfig "$KUBECONFIG" 2>''')
    assert !script.contains(kubeconfigDuringSh) && !script.contains('secret-token')
    assert h.callsOf('echo').every { !it.args.toString().contains(kubeconfigDuringSh) && !it.args.toString().contains('secret-token') }
}

test('without a credential the agent context is used: nothing is bound, no --kubeconfig') {
    def h = stubbedCli(0)
    h.load(step).call(engines: ['e.yaml'], context: 'staging')
    assert h.callsOf('withCredentials').isEmpty()
    assert scriptOf(h).contains("'--context=staging'")
    assert !scriptOf(h).contains('--kubeconfig')
}

// ---------------------------------------------------------------- publishing

test('junit publishes without deciding the build; the HTML report is published; reports and stylesheet archived') {
    def h = stubbedCli(0)
    h.shell = { String script -> ['junit.xml', 'report.json', 'report.html'].each { h.files["chaos-gate-results/${it}".toString()] = 'x' }; 0 }
    h.load(step).call(engines: ['e.yaml'])
    assert h.callsOf('junit')*.args == [[testResults: 'chaos-gate-results/junit.xml', allowEmptyResults: true,
                                         keepProperties: true, keepLongStdio: true, skipMarkingBuildUnstable: true]]
    assert h.callsOf('archiveArtifacts')*.args == [[artifacts: 'chaos-gate-results/report.json,chaos-gate-results/report.html,chaos-gate-results/report.css',
                                                    allowEmptyArchive: true]]
    assert h.callsOf('publishHTML')*.args == [[target: [reportDir: 'chaos-gate-results', reportFiles: 'report.html', reportName: 'Chaos gate',
                                                        keepAll: true, alwaysLinkToLastBuild: true, allowMissing: true]]]
    assert scriptOf(h).contains("'--junit-case-properties'"): 'per-case properties for keepProperties'
}

test('publishJUnit false: a parallel gate leaves its JUnit to the merge, so the build counts each case once') {
    def h = stubbedCli(1)
    h.load(step).call(engines: ['e.yaml'], label: 'eu', onGateFailure: 'UNSTABLE', publishJUnit: false)
    assert h.callsOf('junit').isEmpty()
    assert h.callsOf('archiveArtifacts')*.args*.artifacts == ['chaos-gate-results/report.json,chaos-gate-results/report.html,chaos-gate-results/report.css']
    assert scriptOf(h).contains("'--junit=chaos-gate-results/junit.xml'"): 'still written'
    assert h.currentBuild.result == 'UNSTABLE'
    def merged = stubbedMerge(0)
    assert failureOf { merged.load(step).merge(reports: ['chaos/eu/report.json'], publishJUnit: false) }.startsWith("chaosGate: unknown option 'publishJUnit'")
}

test('healthScaleFactor and checksName go to the junit step; junitCaseProperties false drops per-case properties') {
    def h = stubbedCli(0)
    h.load(step).call(engines: ['e.yaml'], healthScaleFactor: 0, checksName: 'Resilience', junitCaseProperties: false)
    Map args = h.callsOf('junit')[0].args as Map
    assert args.healthScaleFactor == 0.0d && args.checksName == 'Resilience'
    assert args.keepProperties == true && args.skipMarkingBuildUnstable == true
    assert scriptOf(h).contains("'--no-junit-case-properties'") && !scriptOf(h).contains("'--junit-case-properties'")
    assert h.callsOf('publishHTML').isEmpty(): 'no HTML report was written'
}

test('no JUnit written (a run that could not happen): junit is not called, the archive step still runs') {
    def h = stubbedCli(2, 'chaos-gate: error: no such context')
    failureOf { h.load(step).call(engines: ['e.yaml']) }
    assert h.callsOf('junit').isEmpty()
    assert h.callsOf('archiveArtifacts').size() == 1
}

test('two gates in one build, each with its own reportDir, publish two HTML reports, not one over the other') {
    def h = new PipelineHarness()
    h.shell = { String script -> ['canary', 'staging'].each { h.files["out/${it}/report.html".toString()] = 'x' }; 0 }
    h.load(step).call(engines: ['e.yaml'], reportDir: 'out/staging')
    h.load(step).call(engines: ['e.yaml'], reportDir: 'out/canary')
    assert h.callsOf('publishHTML')*.args*.target*.reportName == ['Chaos gate (out/staging)', 'Chaos gate (out/canary)']
}

test('reportDir moves every report, however the folder is written') {
    def h = new PipelineHarness()
    h.shell = { String script -> h.files['out/chaos/junit.xml'] = '<testsuites/>'; 0 }
    def result = h.load(step).call(engines: ['e.yaml'], reportDir: 'out/chaos')
    assert h.callsOf('junit')[0].args.testResults == 'out/chaos/junit.xml'
    assert h.callsOf('archiveArtifacts')[0].args.artifacts == 'out/chaos/report.json,out/chaos/report.html,out/chaos/report.css'
    assert result.html == 'out/chaos/report.html'
    assert scriptOf(h).contains("'--junit=out/chaos/junit.xml'")

    def dotted = new PipelineHarness()
    dotted.load(step).call(engines: ['e.yaml'], reportDir: './out//chaos/')
    assert dotted.callsOf('archiveArtifacts')[0].args.artifacts == 'out/chaos/report.json,out/chaos/report.html,out/chaos/report.css'
}

// ---------------------------------------------------------------- exit codes

test('exit 1 fails the build by default, after the reports are published') {
    def h = stubbedCli(1)
    String message = failureOf { h.load(step).call(engines: ['e.yaml']) }
    assert message == 'chaosGate: the chaos gate failed; see the test results and chaos-gate-results/report.html'
    assert h.currentBuild.result == 'FAILURE'
    assert h.callsOf('unstable').isEmpty()
    assert stepsIn(h).findAll { it in ['archiveArtifacts', 'junit', 'error'] } == ['archiveArtifacts', 'junit', 'error']
}

test('exit 1 with onGateFailure FAILURE fails the build') {
    def h = stubbedCli(1)
    failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'FAILURE') }
    assert h.currentBuild.result == 'FAILURE'
}

test('exit 1 with onGateFailure UNSTABLE marks the build UNSTABLE and returns the result') {
    def h = stubbedCli(1)
    def result = h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE')
    assert h.currentBuild.result == 'UNSTABLE'
    assert h.callsOf('unstable')*.args == ['chaosGate: the chaos gate failed; see the test results and chaos-gate-results/report.html']
    assert h.callsOf('error').isEmpty()
    assert result.exitCode == 1 && result.verdict == 'fail' && result.junit == 'chaos-gate-results/junit.xml'
    assert h.callsOf('junit').size() == 1
}

test('exit 1 without reports is node failing, not a verdict: FAILURE with stderr, whatever onGateFailure says') {
    def h = new PipelineHarness()
    h.shell = { String script ->
        h.files['chaos-gate-results/chaos-gate.stderr'] = 'npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/chaos-gate\n'
        return 1
    }
    String message = failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
    assert message == 'chaosGate: chaos-gate exited with 1 without writing its reports: npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/chaos-gate'
    assert h.currentBuild.result == 'FAILURE' && h.callsOf('unstable').isEmpty()
}

test('exit 2 fails the build with the CLI message (all of its lines, without npm noise), whatever onGateFailure says') {
    def h = stubbedCli(2, 'npm warn exec The following package was not found and will be installed: chaos-gate@0.1.0\n' +
        'chaos-gate: error: preflight failed, nothing was applied:\ne.yaml, document 1 (ChaosEngine x): rejected\n')
    String message = failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
    assert message == 'chaosGate: chaos-gate could not run: preflight failed, nothing was applied:\ne.yaml, document 1 (ChaosEngine x): rejected'
    assert h.currentBuild.result == 'FAILURE'
    assert h.callsOf('unstable').isEmpty()
    assert h.callsOf('archiveArtifacts').size() == 1
}

test('exit 2 after warnings: the failure message holds the warnings the CLI printed under its error') {
    def h = stubbedCli(2, 'chaos-gate: error: watching ChaosEngines and ChaosResults: forbidden\n' +
        'chaos-gate: WARNING: run id r not locked in namespace shop: taking Lease chaos-gate-run-r: forbidden\n')
    String message = failureOf { h.load(step).call(engines: ['e.yaml']) }
    assert message == 'chaosGate: chaos-gate could not run: watching ChaosEngines and ChaosResults: forbidden\n' +
        'chaos-gate: WARNING: run id r not locked in namespace shop: taking Lease chaos-gate-run-r: forbidden'
}

test('exit 2 with chaos not confirmed stopped and no report written: the failure message says chaos may still be running') {
    def h = stubbedCli(2, 'chaos-gate: error: watching ChaosEngines and ChaosResults: forbidden\n' +
        "chaos-gate: WARNING: chaos may still be running: ChaosEngine shop/x was not confirmed stopped: forbidden; to stop it: kubectl patch chaosengine x -n shop --type merge -p '{\"spec\":{\"engineState\":\"stop\"}}'\n" +
        'chaos-gate: WARNING: chaos-gate-results/junit.xml: cannot write the report: ENOSPC\n')
    String message = failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
    assert message.startsWith('chaosGate: chaos may still be running: chaos-gate could not run: watching ChaosEngines and ChaosResults: forbidden\n' +
        'chaos-gate: WARNING: chaos may still be running: ChaosEngine shop/x was not confirmed stopped: forbidden; to stop it: kubectl patch chaosengine x -n shop'): message
    assert h.currentBuild.result == 'FAILURE' && h.callsOf('unstable').isEmpty()
}

test('exit 2 with a cluster among several whose chaos was not confirmed stopped, and no report written: the failure message says chaos may still be running') {
    def h = stubbedCli(2, 'chaos-gate: error: no cluster could be run:\neu: forbidden\nus: forbidden\n' +
        "chaos-gate: WARNING: target us: chaos may still be running: ChaosEngine shop/x was not confirmed stopped: forbidden; to stop it: kubectl --context us patch chaosengine x -n shop --type merge -p '{\"spec\":{\"engineState\":\"stop\"}}'\n")
    String message = failureOf { h.load(step).call(engines: ['e.yaml']) }
    assert message.startsWith('chaosGate: chaos may still be running: chaos-gate could not run: no cluster could be run:'): message
}

test('exit 143 and 130 (the CLI was cancelled) abort the build saying the chaos was stopped') {
    [143: 'SIGTERM', 130: 'SIGINT'].each { code, signal ->
        def h = stubbedCli(code, "chaos-gate: received ${signal}: stopping the chaos and cleaning up")
        String message = failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
        assert message == "chaosGate: chaos-gate run was cancelled by ${signal} (exit ${code}); it stopped the chaos and cleaned up before exiting"
        assert h.currentBuild.result == 'ABORTED'
        assert h.callsOf('archiveArtifacts').size() == 1
    }
}

test('exit 143 with chaos not confirmed stopped and no report written: the build fails saying chaos may still be running, not that it was stopped') {
    def h = stubbedCli(143, 'chaos-gate: cancelled by SIGTERM\n' +
        "chaos-gate: WARNING: chaos may still be running: ChaosEngine shop/x was not confirmed stopped: forbidden; to stop it: kubectl patch chaosengine x -n shop --type merge -p '{\"spec\":{\"engineState\":\"stop\"}}'\n")
    String message = failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
    assert message.startsWith('chaosGate: chaos may still be running: chaos-gate run was cancelled by SIGTERM (exit 143) and could not confirm that its chaos stopped: cancelled by SIGTERM\n' +
        'chaos-gate: WARNING: chaos may still be running: ChaosEngine shop/x'): message
    assert h.currentBuild.result == 'FAILURE'
}

test('chaos not confirmed stopped fails the build, never UNSTABLE nor "stopped", whatever the exit code') {
    [1, 143].each { code ->
        def h = new PipelineHarness()
        h.shell = { String script ->
            h.files['chaos-gate-results/junit.xml'] = '<testsuites/>'
            h.files['chaos-gate-results/report.json'] = '{\n  "verdict": "fail",\n  "chaosMayStillRun": true\n}'
            return code
        }
        String message = failureOf { h.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }
        assert message.startsWith("chaosGate: chaos may still be running (chaos-gate exited with ${code})")
        assert h.currentBuild.result == 'FAILURE' && h.callsOf('unstable').isEmpty()
    }
    def confirmed = stubbedCli(1)
    confirmed.files['chaos-gate-results/report.json'] = '{\n  "chaosMayStillRun": false\n}'
    confirmed.shell = { String script -> 1 }
    confirmed.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE')
    assert confirmed.currentBuild.result == 'UNSTABLE'
}

test('another exit code fails with the last lines of stderr, or says there were none') {
    def h = stubbedCli(127, 'sh: 1: node: not found\n')
    assert failureOf { h.load(step).call(engines: ['e.yaml']) } == 'chaosGate: chaos-gate exited with 127: sh: 1: node: not found'

    def h2 = new PipelineHarness()
    h2.shell = { String script -> 137 }
    assert failureOf { h2.load(step).call(engines: ['e.yaml']) } == 'chaosGate: chaos-gate exited with 137: (no output)'
}

test('a credential that cannot be bound (a misspelt ID) publishes nothing: an earlier build\'s reports stay unpublished') {
    def h = new PipelineHarness()
    // Left in the workspace by the build before; the script that removes them never runs.
    ['junit.xml', 'report.json', 'report.html'].each { h.files["chaos-gate-results/${it}".toString()] = 'from build 41' }
    def missing = new IllegalStateException("Could not find credentials entry with ID 'staging-kubeconfg'")
    h.overrides.withCredentials = { List bindings, Closure body -> throw missing }
    try {
        h.load(step).call(engines: ['e.yaml'], kubeconfigCredentialsId: 'staging-kubeconfg')
        assert false: 'the credential error must propagate'
    } catch (IllegalStateException e) {
        assert e.is(missing)
    }
    assert h.callsOf('sh').isEmpty()
    assert h.callsOf('junit').isEmpty() && h.callsOf('publishHTML').isEmpty() && h.callsOf('archiveArtifacts').isEmpty()
}

test('an aborted build (sh interrupted) still publishes, and the abort stays the reason even if publishing fails') {
    def aborted = new InterruptedException('aborted by user')   // Jenkins throws FlowInterruptedException
    def h = new PipelineHarness()
    h.shell = { String script -> h.files['chaos-gate-results/junit.xml'] = '<testsuites'; throw aborted }
    h.overrides.junit = { Map args -> throw new IllegalStateException('Failed to read test report file junit.xml') }
    try {
        h.load(step).call(engines: ['e.yaml'])
        assert false: 'the abort must propagate'
    } catch (InterruptedException e) {
        assert e.is(aborted)
    }
    assert h.callsOf('archiveArtifacts').size() == 1 && h.callsOf('junit').size() == 1
    assert h.callsOf('echo')*.args == ['chaosGate: could not publish the reports while the build stops: Failed to read test report file junit.xml']
    assert h.callsOf('error').isEmpty()
}

test('a report that cannot be published does not hide the verdict: a failed gate, chaos that may still run') {
    def failed = stubbedCli(1)
    failed.overrides.junit = { Map args -> throw new IllegalStateException('Failed to read test report file') }
    assert failureOf { failed.load(step).call(engines: ['e.yaml']) } == 'chaosGate: the chaos gate failed; see the test results and chaos-gate-results/report.html'
    assert failed.callsOf('echo')*.args == ['chaosGate: could not publish the reports: Failed to read test report file']

    def running = stubbedCli(1)
    running.shell = { String script ->
        running.files['chaos-gate-results/junit.xml'] = '<testsuites'
        running.files['chaos-gate-results/report.json'] = '{\n  "chaosMayStillRun": true\n}'
        return 1
    }
    running.overrides.junit = { Map args -> throw new IllegalStateException('Failed to read test report file') }
    assert failureOf { running.load(step).call(engines: ['e.yaml'], onGateFailure: 'UNSTABLE') }.startsWith('chaosGate: chaos may still be running')
}

test('a JUnit that cannot be published after a normal run is an error, not swallowed') {
    def h = stubbedCli(0)
    h.overrides.junit = { Map args -> throw new IllegalStateException('Failed to read test report file') }
    try {
        h.load(step).call(engines: ['e.yaml'])
        assert false: 'expected the junit failure'
    } catch (IllegalStateException e) {
        assert e.message == 'Failed to read test report file'
    }
}

// ---------------------------------------------------------------- validation

test('unknown options, wrong kinds and bad step settings fail before anything runs, naming the option') {
    [
        [[engins: ['e.yaml']], "chaosGate: unknown option 'engins'; known options: config, engines,"],
        [[engines: ['e.yaml'], minProbeSuccess: [90]], "chaosGate: option 'minProbeSuccess' must be a Number or a String such as '90%', got a List"],
        [[engines: 42], "chaosGate: option 'engines' must be a List, got a Number"],
        [[engines: ['e.yaml'], parameters: ['a=b']], "chaosGate: option 'parameters' must be a Map, got a List"],
        [[engines: ['e.yaml'], inCluster: 'yes'], "chaosGate: option 'inCluster' must be a Boolean, got a String"],
        [[engines: ['e.yaml'], namespace: ['shop']], "chaosGate: option 'namespace' must be a String, got a List"],
        [[engines: ['e.yaml'], kubeconfigCredentialsId: { 'x' }], "chaosGate: option 'kubeconfigCredentialsId' must be a String, got a Closure"],
        [[engines: ['e.yaml'], onGateFailure: 'YELLOW'], "chaosGate: option 'onGateFailure' must be 'UNSTABLE' or 'FAILURE', got 'YELLOW'"],
        [[engines: ['e.yaml'], healthScaleFactor: '1.5'], "chaosGate: option 'healthScaleFactor' must be a Number, got a String"],
        [[engines: ['e.yaml'], extraArgs: ['--json', 'x.json']], "chaosGate: option 'extraArgs' must not set --junit, --json or --html; use 'reportDir'"],
        [[engines: ['e.yaml'], reportDir: '/tmp/out'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], reportDir: 'out/../..'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], reportDir: 'my reports'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], reportDir: 'a,b'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], reportDir: '.'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], reportDir: './'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], reportDir: '-rf'], "chaosGate: option 'reportDir' must be a relative path"],
        [[engines: ['e.yaml'], extraArgs: ['--junit=x.xml']], "chaosGate: option 'extraArgs' must not set --junit, --json or --html; use 'reportDir'"],
        [[engines: ['e.yaml'], extraArgs: '--html'], "chaosGate: option 'extraArgs' must not set --junit, --json or --html; use 'reportDir'"],
        [[engines: ['e.yaml'], kubeconfigCredentialsId: ''], "chaosGate: option 'kubeconfigCredentialsId' is empty; give it a value or leave it out"],
        [[engines: ['e.yaml'], kubeconfigCredentialsId: null], "chaosGate: option 'kubeconfigCredentialsId' is null (an unset variable?); the run would go to the agent's own cluster: give it a value or leave it out"],
        [[engines: ['e.yaml'], context: null], "chaosGate: option 'context' is null (an unset variable?); the run would go to the agent's own cluster"],
        [[engines: ['e.yaml'], config: "${''}"], "chaosGate: option 'config' is empty; give it a value or leave it out"],
        [[engines: ['e.yaml'], allowFailures: 'pod-delete, pod-cpu-hog'], "chaosGate: option 'allowFailures' is one String holding a comma or a line break; give a List, e.g. ['a', 'b']"],
        [[engines: 'a.yaml\nb.yaml'], "chaosGate: option 'engines' is one String holding a comma or a line break; give a List"],
        [[engines: ['e.yaml', null]], "chaosGate: option 'engines' must hold Strings or Numbers, item 2 is null"],
        [[engines: ['e.yaml'], allowFailures: [['pod-delete']]], "chaosGate: option 'allowFailures' must hold Strings or Numbers, item 1 is a List"],
        [[workflowTemplate: 'wt', parameters: [image: null]], "chaosGate: option 'parameters' must give each name a String, Number or Boolean, 'image' is null"],
        [[workflowTemplate: 'wt', parameters: [tags: ['a', 'b']]], "chaosGate: option 'parameters' must give each name a String, Number or Boolean, 'tags' is a List"],
    ].each { config, expected ->
        def h = new PipelineHarness()
        String message = failureOf { h.load(step).call(config) }
        assert message.startsWith(expected)
        assert h.callsOf('sh').isEmpty() && h.callsOf('withCredentials').isEmpty()
    }
}

test('a Windows agent is refused before anything is written or run, saying why') {
    def h = new PipelineHarness()
    h.unix = false
    String message = failureOf { h.load(step).call(engines: ['e.yaml']) }
    assert message == 'chaosGate: needs a Linux or macOS agent: it runs the CLI with sh, and this agent runs Windows'
    assert h.callsOf('writeFile').isEmpty() && h.callsOf('sh').isEmpty()
}

test('GStrings count as Strings and reportDir may use dots, dashes and subfolders') {
    def h = new PipelineHarness()
    h.shell = { String script -> h.files['build/chaos-gate.v1/reports/report.json'] = '{}'; 1 }
    String build = '42'
    String policy = 'UNSTABLE'
    def result = h.load(step).call(engines: ["chaos/${build}.yaml"], runId: "checkout-${build}",
        reportDir: 'build/chaos-gate.v1/reports', onGateFailure: "${policy}")
    assert scriptOf(h).contains("'--engine=chaos/42.yaml'") && scriptOf(h).contains("'--run-id=checkout-42'")
    assert result.html == 'build/chaos-gate.v1/reports/report.html'
    assert h.currentBuild.result == 'UNSTABLE'
}

test('label reaches the CLI as --label: the name of the gate in a merged report, not its run id') {
    def h = new PipelineHarness()
    h.shell = { String script -> h.files['chaos/eu/report.json'] = '{}'; 0 }
    h.load(step).call(engines: ['e.yaml'], label: "eu", reportDir: 'chaos/eu')
    assert scriptOf(h).contains("'--label=eu'")
    assert !scriptOf(h).contains('--run-id')
}

test('the help text documents every option') {
    Script loaded = new PipelineHarness().load(step)
    String help = new File(jenkinsDir, 'vars/chaosGate.txt').text
    List<String> options = (loaded.OPTION_KINDS.keySet() + loaded.optionKinds('merge').keySet()) as List
    def undocumented = options.findAll { !(help =~ /<dt>[^<]*\b${it}\b[^<]*<\/dt>/) }
    assert undocumented.isEmpty()
}

test('every vars/ step has a help page; chaosGateMerge\'s points to chaosGate.merge\'s options instead of repeating them') {
    File vars = new File(jenkinsDir, 'vars')
    List<String> steps = vars.list().findAll { it.endsWith('.groovy') }.collect { it - '.groovy' }
    assert steps.containsAll(['chaosGate', 'chaosGateMerge'])
    assert steps.every { new File(vars, "${it}.txt").isFile() }
    String help = new File(vars, 'chaosGateMerge.txt').text
    assert help.contains('<b>chaosGate.merge</b>') && !help.contains('<dt>')
    assert new File(vars, 'chaosGate.txt').text.contains('<b>chaosGateMerge</b>')
}

test('CPS rules the harness cannot see: @NonCPS methods call no steps, CPS methods pass closures only to block steps and loop over no Map') {
    // GroovyShell runs everything as plain Groovy; Jenkins runs vars/ CPS-transformed, where a step
    // called from @NonCPS code misbehaves and closures given to Groovy's iteration methods are fragile.
    def unit = new CompilationUnit()
    unit.addSource(new File(step))
    unit.compile(Phases.CONVERSION)
    List<MethodNode> methods = unit.AST.modules[0].classes.find { it.script }.methods
    // The @Field declarations are still statements of the script body at this phase.
    Set<String> mapFields = unit.AST.modules[0].statementBlock.statements*.expression
        .findAll { it instanceof DeclarationExpression && (it.rightExpression instanceof MapExpression || it.leftExpression.type.name == Map.name) }
        .collect { it.leftExpression.name } as Set
    assert 'OPTION_KINDS' in mapFields
    def iteratesMap = { Expression collection -> collection instanceof VariableExpression && collection.name in mapFields }
    Set<String> nonCps = methods.findAll { m -> m.annotations.any { it.classNode.name.tokenize('.')[-1] == 'NonCPS' } }*.name as Set
    assert nonCps.containsAll(['problemWith', 'normalised', 'shellScript', 'quote', 'errorText', 'kindOf', 'junitArguments'])
    List<String> problems = []
    methods.findAll { it.code }.each { MethodNode method ->
        method.code.visit(new CodeVisitorSupport() {
            void visitMethodCallExpression(MethodCallExpression call) {
                if (method.name in nonCps && call.implicitThis && !(call.methodAsString in nonCps)) {
                    problems << "@NonCPS ${method.name} calls ${call.methodAsString}"
                }
                if (!(method.name in nonCps) && call.arguments instanceof ArgumentListExpression) {
                    call.arguments.expressions.findAll { it instanceof ClosureExpression }.each {
                        if (!(call.implicitThis && call.methodAsString in ['withCredentials'])) {
                            problems << "${method.name} passes a closure to ${call.methodAsString}"
                        }
                    }
                }
                super.visitMethodCallExpression(call)
            }
            void visitForLoop(ForStatement loop) {
                // Jenkins saves a CPS loop's iterator and variable at every step inside it; a Map's are not serializable.
                if (!(method.name in nonCps) && iteratesMap(loop.collectionExpression)) {
                    problems << "${method.name} iterates a Map in a for loop"
                }
                super.visitForLoop(loop)
            }
        })
    }
    assert problems.isEmpty()
}

// ---------------------------------------------------------------- the script run for real (sh -xe, as the sh step)

test('real CLI: every flag the step can generate is one the CLI accepts, with --kubeconfig from the credential') {
    Map common = [
        config: 'chaos-gate.yaml', engines: ['e.yaml'], rbac: ['r.yaml'], experiments: ['x.yaml'],
        parameters: [a: 'b'], workflowNamespace: 'argo', workflowShutdown: 'Terminate', ctkJournals: ['journal.json'],
        namespace: 'shop', context: 'staging', kubeconfigCredentialsId: 'kc', inCluster: false,
        allowNamespaces: ['shop', 'payments'], allowClusterScoped: true, stopTimeout: '15s',
        timeout: '15m', cleanup: 'on-success', runId: 'build-42', label: 'eu', minProbeSuccess: 90,
        allowFailures: ['pod-cpu-hog'], stoppedAs: 'skip', timeoutsAs: 'fail', failOnFailure: true,
        cliPath: realCli, extraArgs: ['--help']]   // --help: parse every flag and value, then stop
    // The three workflow sources exclude each other.
    [[workflow: 'w.yaml'], [workflowTemplate: 'wt'], [clusterWorkflowTemplate: 'cwt']].each { source ->
        def h = new PipelineHarness().runForReal(tempDir())
        h.load(step).call(common + source)
        assert h.console.contains('Usage:'): h.console
        assert h.callsOf('error').isEmpty()
    }
}

test('real bundled CLI: written from the library resources and run with node, it parses every flag the step gives') {
    def h = new PipelineHarness().runForReal(tempDir())
    h.load(step).call(engines: ['e.yaml'], healthScaleFactor: 2, checksName: 'x', extraArgs: ['--help'])
    assert new File(h.workspace, '.chaos-gate/chaos-gate-results/cli.mjs').getText('UTF-8') == bundledCli
    assert new File(h.workspace, '.chaos-gate/chaos-gate-results/main.mjs').getText('UTF-8') == bundledMain
    assert h.console.contains("node .chaos-gate/chaos-gate-results/cli.mjs run --engine=e.yaml") && h.console.contains('--junit-case-properties')
    assert h.console.contains('Usage:'): h.console
    assert h.callsOf('error').isEmpty()
}

test('real CLI: a bad setting ends as exit 2 with the CLI message; a stale JUnit of an earlier build is not published') {
    File workspace = tempDir()
    new File(workspace, 'chaos-gate-results').mkdirs()
    new File(workspace, 'chaos-gate-results/junit.xml').text = '<testsuites><testsuite name="old"/></testsuites>'
    def h = new PipelineHarness().runForReal(workspace)
    String message = failureOf { h.load(step).call(engines: ['engine.yaml'], timeout: 'soon', cliPath: realCli) }
    assert message.startsWith('chaosGate: chaos-gate could not run: ') && message.contains('--timeout') && message.contains('soon')
    assert !new File(workspace, 'chaos-gate-results/junit.xml').exists()
    assert h.callsOf('junit').isEmpty()
    assert h.console.contains('chaos-gate: error: '): 'stderr is shown in the log after the run'
}

test('real CLI: a value that starts with a dash is read as the value, not as a missing one') {
    def h = new PipelineHarness().runForReal(tempDir())
    h.load(step).call(engines: ['-canary.yaml'], context: '-staging', cliPath: realCli, extraArgs: ['--help'])
    assert h.console.contains('Usage:'): h.console
    assert h.callsOf('error').isEmpty()
}

test('real bundled CLI: merge joins the JSON reports of two gates into one JUnit and one gate') {
    File workspace = tempDir()
    File results = new File(repoDir, 'test/fixtures/litmus/results')
    [eu: 'chaosresult-3x-pass.yaml', us: 'chaosresult-3x-fail-probe.yaml'].each { cluster, fixture ->
        def process = "${realCli} report --results ${new File(results, fixture)} --json ${cluster}/report.json".execute(null, workspace)
        process.waitForProcessOutput(System.out, System.err)
        assert new File(workspace, "${cluster}/report.json").exists()
    }
    def h = new PipelineHarness().runForReal(workspace)
    def result = h.load(step).merge(reports: ['eu/report.json', 'us/report.json'], onGateFailure: 'UNSTABLE')
    String junit = new File(workspace, 'chaos-gate-merged/junit.xml').text
    assert junit.contains('<testsuites name="chaos-gate" tests="6" failures="2"'): junit
    assert junit.contains('<testsuite name="eu/report/default/nginx-chaos-pass"') && junit.contains('<testsuite name="us/report/default/nginx-chaos-probe"')
    assert h.console.contains('node .chaos-gate/chaos-gate-merged/cli.mjs merge')
    assert h.callsOf('junit')*.args*.testResults == ['chaos-gate-merged/junit.xml']
    assert result.exitCode == 1 && h.currentBuild.result == 'UNSTABLE'
}

test('real bundled CLI: merge with expect refuses a gate over fewer reports, naming each one found, and publishes none') {
    File workspace = tempDir()
    File results = new File(repoDir, 'test/fixtures/litmus/results/chaosresult-3x-pass.yaml')
    def process = "${realCli} report --results ${results} --run-id eu --json eu/report.json".execute(null, workspace)
    process.waitForProcessOutput(System.out, System.err)
    def h = new PipelineHarness().runForReal(workspace)
    String message = failureOf { h.load(step).merge(reports: ['eu/report.json'], expect: 2) }
    assert message == 'chaosGate: chaos-gate could not run: expected 2 reports to merge (--expect 2), found 1; a job that could not run writes no report: see which one in the CI run:\n  eu: eu/report.json': message
    assert !new File(workspace, 'chaos-gate-merged/junit.xml').exists() && h.callsOf('junit').isEmpty()
}

test('real sh: a CLI that is not installed ends with its exit code and the shell message') {
    def h = new PipelineHarness().runForReal(tempDir())
    String message = failureOf { h.load(step).call(engines: ['e.yaml'], cliPath: 'chaos-gate-not-installed') }
    assert message ==~ /chaosGate: chaos-gate exited with 127: .*chaos-gate-not-installed.*not found.*/
}

test('real sh: arguments reach the CLI unchanged, whatever they hold') {
    File workspace = fakeCli('for a in "$@"; do printf "%s\\n" "$a"; done > args.txt\n')
    def h = new PipelineHarness().runForReal(workspace)
    List<String> tricky = ['pod delete.yaml', "it's.yaml", 'x"y.yaml', '$HOME.yaml', '`id`.yaml', 'a;b.yaml', 'ümlaut.yaml']
    h.load(step).call(engines: tricky, cliPath: 'sh fake-cli.sh')
    List<String> args = new File(workspace, 'args.txt').readLines()
    assert args[0] == 'run'
    assert args.findAll { it.startsWith('--engine=') }*.substring('--engine='.length()) == tricky
}

test('real sh: the kubeconfig credential reaches the CLI as a file path, its content never in the log') {
    File workspace = fakeCli('''
prev=""
for a in "$@"; do
  if [ "$prev" = --kubeconfig ]; then cp "$a" kubeconfig-seen; echo "$a" > kubeconfig-path; fi
  prev="$a"
done
[ "$KUBECONFIG" = "$(cat kubeconfig-path)" ]
''')
    def h = new PipelineHarness().runForReal(workspace)
    def result = h.load(step).call(engines: ['e.yaml'], kubeconfigCredentialsId: 'staging-kubeconfig', cliPath: 'sh fake-cli.sh')
    assert result.exitCode == 0: 'the CLI saw KUBECONFIG set to the same file'
    assert new File(workspace, 'kubeconfig-seen').text == h.secretFileContent
    assert !new File(new File(workspace, 'kubeconfig-path').text.trim()).exists(): 'the secret file is gone after the step'
    assert !h.console.contains('secret-token-7f3a')
}

test('real sh: aborting sends SIGTERM to every process; the shell waits for the CLI to clean up and shows why') {
    File workspace = fakeCli('''
trap 'echo "chaos-gate: received SIGTERM: stopping the chaos and cleaning up" >&2; sleep 1; echo done > cleaned-up; exit 143' TERM
echo started > started
while :; do sleep 0.1; done
''')
    def h = new PipelineHarness().runForReal(workspace)
    boolean cleanedBeforeShReturned = false
    h.shell = { String script ->
        int status = h.runScript(script) { Process process ->
            long deadline = System.currentTimeMillis() + 10000
            while (!new File(workspace, 'started').exists() && System.currentTimeMillis() < deadline) sleep(20)
            // As Jenkins' ProcessTree does, though here the shell is signalled first, the harder case.
            ([process.toHandle()] + process.toHandle().descendants().iterator().toList()).each { it.destroy() }
        }
        cleanedBeforeShReturned = new File(workspace, 'cleaned-up').exists()
        return status
    }
    String message = failureOf { h.load(step).call(engines: ['e.yaml'], cliPath: 'sh fake-cli.sh') }
    assert cleanedBeforeShReturned: 'the step returned before the CLI had cleaned up'
    assert message == 'chaosGate: chaos-gate run was cancelled by SIGTERM (exit 143); it stopped the chaos and cleaned up before exiting'
    assert h.console.contains('chaos-gate: received SIGTERM: stopping the chaos and cleaning up')
}

// ---------------------------------------------------------------- the examples

def exampleHarness = { ->
    def h = new PipelineHarness()
    ['chaos-gate-results', 'out/chaos', 'chaos/eu', 'chaos/us', 'chaos/all'].each {
        h.files["${it}/junit.xml".toString()] = '<testsuites/>'
        h.files["${it}/report.json".toString()] = '{}'
    }
    return h
}

test('Jenkinsfile.declarative runs: parallel chaosGates with the config and its load test, credential bound, then one merge, post always') {
    def h = exampleHarness()
    h.load(new File(jenkinsDir, 'examples/Jenkinsfile.declarative').path).run()
    List<Map> gates = h.callsOf('chaosGate')
    assert gates*.args*.reportDir == ['chaos/eu', 'chaos/us'] && gates.every { it.args.config == 'jenkins/examples/chaos/chaos-gate.yaml' }
    List<String> scripts = h.callsOf('sh')*.args.findAll { it instanceof Map && it.script.contains('/cli.mjs') }*.script
    assert scripts.size() == 3
    assert scripts[0].contains("'--config=jenkins/examples/chaos/chaos-gate.yaml'") && scripts[0].contains('--kubeconfig "$KUBECONFIG"')
    assert scripts[2].contains("'merge'") && scripts[2].contains("'--min-probe-success=90'") && scripts[2].contains("'--' 'chaos/eu/report.json' 'chaos/us/report.json'")
    assert h.callsOf('junit')*.args*.testResults == ['chaos/all/junit.xml']: 'each case counted once, under its label'
    assert h.callsOf('archiveArtifacts')*.args*.artifacts[-2..-1] == ['chaos/all/report.json,chaos/all/report.html,chaos/all/report.css', 'out/k6-summary.json']
    assert h.callsOf('chaosGateMerge').size() == 1
    assert stepsIn(h).containsAll(['pipeline', 'parallel', 'stage', 'post', 'always']) && !('script' in stepsIn(h))
}

test('Jenkinsfile.scripted runs: the verdict is used; a failed gate rolls back and fails the build') {
    def h = exampleHarness()
    h.load(new File(jenkinsDir, 'examples/Jenkinsfile.scripted').path).run()
    assert h.callsOf('echo')*.args == ['chaos gate: pass; reports in out/chaos/report.html']
    assert h.callsOf('chaosGate')[0].args.runId.toString() == 'checkout-42'

    def failing = exampleHarness()
    failing.shell = { String script -> script.contains('/cli.mjs') ? 1 : 0 }
    String message = failureOf { failing.load(new File(jenkinsDir, 'examples/Jenkinsfile.scripted').path).run() }
    assert message.startsWith('chaosGate: the chaos gate failed')
    assert failing.callsOf('sh')*.args.contains('kubectl -n shop rollout undo deploy/checkout')
    assert stepsIn(failing)[-1] == 'deleteDir'
}

test('real CLI: the example configuration, load test included, is valid') {
    def process = "${realCli} validate --config ${new File(jenkinsDir, 'examples/chaos/chaos-gate.yaml')}".execute()
    def out = new StringBuilder()
    process.waitForProcessOutput(out, out)
    assert process.exitValue() == 0: out
    assert out.contains('configuration is valid')
}

// ---------------------------------------------------------------- runner

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
temporary.each { it.deleteDir() }
println "${passed} passed, ${failed} failed"
System.exit(failed == 0 ? 0 : 1)
