// Lets the Critter Stack's source generators and extension discovery see this assembly's aggregates.
[assembly: JasperFx.JasperFxAssembly]
