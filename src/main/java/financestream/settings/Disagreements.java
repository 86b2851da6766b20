package financestream.settings;

import java.util.List;

/** A settings record whose settings must also agree with each other: the faults no single setting shows. */
public interface Disagreements {
    List<String> disagreements();
}
