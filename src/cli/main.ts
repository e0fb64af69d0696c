console.log('glossa: not built yet');
