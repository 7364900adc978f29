// Lets the Critter Stack's source generators emit the projections' Evolve code (projections must be partial).
[assembly: JasperFx.JasperFxAssembly]
