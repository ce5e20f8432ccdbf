Blazor.start({
  circuit: {
    configureSignalR: (builder) => builder.withUrl('/signalr').withServerTimeout(60000),
    reconnectionOptions: {
      retryIntervalMilliseconds: Array.prototype.at.bind([0, 1000, 2000, 5000, 10000]),
    },
  },
});
