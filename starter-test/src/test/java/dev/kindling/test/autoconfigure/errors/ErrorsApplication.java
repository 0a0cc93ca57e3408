package dev.kindling.test.autoconfigure.errors;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Scans only this package: the handlers and advice beans of the exception handler tests. */
@SpringBootApplication
class ErrorsApplication {

}
