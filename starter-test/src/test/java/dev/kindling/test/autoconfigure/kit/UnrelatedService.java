package dev.kindling.test.autoconfigure.kit;

import org.springframework.stereotype.Service;

/** A bean without handler methods, which the slice leaves out. */
@Service
class UnrelatedService {

}
