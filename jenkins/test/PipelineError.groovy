/** What `error` throws, as Jenkins' AbortException does. */
class PipelineError extends RuntimeException {
    PipelineError(String message) { super(message) }

}
