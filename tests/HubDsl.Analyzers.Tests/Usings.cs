global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Threading.Tasks;
global using Xunit;
global using HubDsl.Tests.Shared;
global using HubDsl.Generators.Diagnostics;
