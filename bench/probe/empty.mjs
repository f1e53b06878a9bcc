// An empty module: what any import costs the loader, subtracted from the figure.
export {};
