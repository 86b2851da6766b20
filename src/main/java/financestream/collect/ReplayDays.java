package financestream.collect;

import java.util.ArrayList;
import java.util.List;

import financestream.bars.Bar;
import financestream.bars.ReplayFile;

/** The replay source for a request: the recorded bars of the request's trading days. */
public class ReplayDays {

    private final ReplayFile replay;

    public ReplayDays(ReplayFile replay) {
        this.replay = replay;
    }

    public List<Bar> bars(BarRequest request) {
        List<Bar> bars = new ArrayList<>();
        request.days().forEach(day -> bars.addAll(replay.bars(request.symbol(), day)));
        return bars;
    }
}
