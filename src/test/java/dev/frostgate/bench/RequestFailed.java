package dev.frostgate.bench;

/** A request that was answered wrongly (or not at all); counted as an error of its phase. */
final class RequestFailed extends Exception {
    private final String kind;

    RequestFailed(String kind, String detail) {
        super(kind + ": " + detail, null, false, false);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
