var h = new HdrHistogram.LongHistogram(60_000_000, 3); h.RecordValue(5); System.Console.WriteLine(h.GetValueAtPercentile(99));
