package dev.kindling.test.autoconfigure.docs.errors;

// tag::page[]
class UnknownPlayerException extends RuntimeException {

    UnknownPlayerException(String player) {
        super("Unknown player " + player);
    }
}
// end::page[]
